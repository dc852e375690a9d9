//! Finding quoted words in a source's text, and the passage that contains them.
//!
//! Quotes are matched word for word with runs of whitespace treated as one space,
//! so a quote may span the source's line breaks.

/// Collapses every run of whitespace to one space and trims the ends.
pub fn normalize(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether `quote` occurs in `text`, whitespace-insensitively.
pub fn contains_quote(text: &str, quote: &str) -> bool {
    contains_normalized(&normalize(text), quote)
}

/// [`contains_quote`] on a text already normalised: a caller searching one text for
/// many quotes normalises it once.
pub fn contains_normalized(normalized_text: &str, quote: &str) -> bool {
    let q = normalize(quote);
    !q.is_empty() && memchr::memmem::find(normalized_text.as_bytes(), q.as_bytes()).is_some()
}

/// The paragraph of `text` (blank-line separated block) that contains `quote`, with its
/// whitespace collapsed; if the quote spans paragraphs, the run of paragraphs it spans.
pub fn passage(text: &str, quote: &str) -> Option<String> {
    let q = normalize(quote);
    if q.is_empty() {
        return None;
    }
    let paragraphs: Vec<String> = text
        .split("\n\n")
        .map(normalize)
        .filter(|p| !p.is_empty())
        .collect();
    if let Some(p) = paragraphs.iter().find(|p| p.contains(&q)) {
        return Some(p.clone());
    }
    // The quote crosses a paragraph break: widen the window until it fits.
    for start in 0..paragraphs.len() {
        let mut joined = String::new();
        for p in &paragraphs[start..] {
            if !joined.is_empty() {
                joined.push(' ');
            }
            joined.push_str(p);
            if joined.contains(&q) {
                return Some(joined);
            }
            if joined.len() > q.len() * 4 + 2000 {
                break;
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_across_line_breaks_is_found_with_its_paragraph() {
        let text = "First para.\n\nThe Communists at\nPanmunjom reject it.\nMore.\n\nLast.";
        assert!(contains_quote(text, "Communists at Panmunjom reject"));
        assert_eq!(
            passage(text, "at Panmunjom").as_deref(),
            Some("The Communists at Panmunjom reject it. More.")
        );
        assert!(!contains_quote(text, "Communists at Peking"));
        assert_eq!(passage(text, "nowhere"), None);
    }
}
