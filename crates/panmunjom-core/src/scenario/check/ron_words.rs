//! The RON reader's messages in the format's own words: a number with a thousands
//! comma, a string left unclosed (pointed at its opening quote, not where the reader
//! noticed), and the program's internal type names (`RawEffect::Add`) replaced by the
//! names docs/scenario-format.md uses (`Add`, `Effect`).

use ron::error::{Error, Position, SpannedError};

/// A syntax or type error as the author should read it: where, and what.
pub(super) fn explain(e: &SpannedError, text: &str) -> (Position, String) {
    let at = e.span.start;
    if let Some(found) = unclosed_string(&e.code, text, at) {
        return found;
    }
    match &e.code {
        Error::SuggestRawIdentifier(ident) if ident.chars().all(|c| c.is_ascii_digit()) => {
            thousands_comma(text, at, ident)
        }
        Error::ExpectedDifferentLength { expected, found } => (
            at,
            wrong_length(expected, *found).unwrap_or_else(|| plain(&e.code)),
        ),
        other => (at, plain(other)),
    }
}

/// The reader's own message, with internal type names put into the docs' words.
fn plain(code: &Error) -> String {
    docs_names(&code.to_string())
}

/// `RawEffect::Add` → `Add`, `RawEvent` → `Event`: the scenario's raw types are the
/// docs' items with `Raw` in front.
fn docs_names(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(i) = rest.find("Raw") {
        let (before, after) = rest.split_at(i);
        out.push_str(before);
        let word_start = before.chars().last().is_none_or(|c| !c.is_alphanumeric());
        let name = &after[3..];
        if word_start && name.starts_with(|c: char| c.is_ascii_uppercase()) {
            let end = name
                .find(|c: char| !c.is_alphanumeric())
                .unwrap_or(name.len());
            // `RawEffect::Add` names the variant: keep only `Add`.
            let (ty, tail) = name.split_at(end);
            if let Some(variant) = tail.strip_prefix("::") {
                rest = variant;
            } else {
                out.push_str(ty);
                rest = tail;
            }
        } else {
            out.push_str("Raw");
            rest = name;
        }
    }
    out.push_str(rest);
    out
}

/// "tuple variant RawEffect::Add with 2 elements", found 1 → "`Add(…)` takes 2 values
/// here, but 1 is given".
fn wrong_length(expected: &str, found: usize) -> Option<String> {
    let rest = expected.strip_prefix("tuple variant ")?;
    let (name, count) = rest.split_once(" with ")?;
    let count = count.strip_suffix(" elements")?;
    let name = docs_names(name);
    let given = match found {
        0 => "none is given".to_string(),
        1 => "1 is given".to_string(),
        n => format!("{n} are given"),
    };
    Some(format!(
        "`{name}(…)` takes {count} values, separated by commas, but {given} (see sections 6 and 7 of docs/scenario-format.md)"
    ))
}

/// `11,559`: the reader saw `11`, a comma, then `559` where a field name should be.
fn thousands_comma(text: &str, at: Position, tail: &str) -> (Position, String) {
    let line = text.lines().nth(at.line.saturating_sub(1)).unwrap_or("");
    // The column is 1-based, in characters.
    let chars: Vec<char> = line.chars().collect();
    let tail_at = at.col.saturating_sub(1).min(chars.len());
    let mut start = tail_at;
    // Walk back over `,` and digit groups: "11,559" or "1,234,567".
    while start >= 2 && chars[start - 1] == ',' && chars[start - 2].is_ascii_digit() {
        start -= 1;
        while start >= 1 && chars[start - 1].is_ascii_digit() {
            start -= 1;
        }
    }
    let written: String = chars[start..tail_at].iter().collect::<String>() + tail;
    let number: String = written.chars().filter(|c| *c != ',').collect();
    (
        Position {
            line: at.line,
            col: start + 1,
        },
        format!(
            "`{written}` is written with a thousands comma: write numbers without separators, `{number}` (a comma separates fields)"
        ),
    )
}

/// A string opened and not closed: the reader runs on to the next `"` and reports
/// whatever follows it ("Expected comma"), or the end of the file. When the string
/// that ends just before the error spans a line break and the next line looks like
/// the file's own fields, the error is the missing `"` at the end of that string.
fn unclosed_string(code: &Error, text: &str, at: Position) -> Option<(Position, String)> {
    let strings = string_spans(text);
    let error_offset = offset(text, at);
    let suspect = match code {
        Error::ExpectedStringEnd | Error::Eof => strings.iter().find(|s| s.end.is_none())?,
        _ => strings
            .iter()
            .rev()
            .find(|s| s.end.is_some_and(|e| e <= error_offset))?,
    };
    // A closed string's content lies between its quotes (both one byte).
    let looks_unclosed = match suspect.end {
        None => true,
        Some(end) => looks_like_fields(&text[suspect.start + 1..end - 1]),
    };
    if !looks_unclosed {
        return None;
    }
    let opening = position(text, suspect.start);
    Some((
        opening,
        "this text is not closed: a `\"` is missing at its end (the reader took everything up to the next `\"` as part of it)".to_string(),
    ))
}

/// Whether a string's content, after a line break, reads like the file's own syntax
/// (`field: …` with a lower-case field name, `Event(`…) rather than prose ("Note: …").
fn looks_like_fields(inside: &str) -> bool {
    inside.split('\n').skip(1).any(|line| {
        let line = line.trim_start();
        let ident: String = line
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        let after = line[ident.len()..].trim_start();
        let field = ident.starts_with(|c: char| c.is_ascii_lowercase()) && after.starts_with(':');
        let item = !ident.is_empty() && after.starts_with(['(', '[']);
        field || item
    })
}

/// A string literal: the byte offset of its opening quote and just past its closing
/// quote (None: never closed).
struct Span {
    start: usize,
    end: Option<usize>,
}

/// Every `"…"` string of a RON text, skipping comments and escaped quotes.
fn string_spans(text: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i += 2;
                while i < bytes.len() && !(bytes[i] == b'*' && bytes.get(i + 1) == Some(&b'/')) {
                    i += 1;
                }
                i += 2;
            }
            b'"' => {
                let start = i;
                i += 1;
                let mut end = None;
                while i < bytes.len() {
                    match bytes[i] {
                        b'\\' => i += 2,
                        b'"' => {
                            end = Some(i + 1);
                            i += 1;
                            break;
                        }
                        _ => i += 1,
                    }
                }
                out.push(Span { start, end });
                if end.is_none() {
                    break;
                }
            }
            _ => i += 1,
        }
    }
    out
}

/// The byte offset of a 1-based line and column (in characters).
fn offset(text: &str, at: Position) -> usize {
    let mut line_start = 0;
    for (n, line) in text.split_inclusive('\n').enumerate() {
        if n + 1 == at.line {
            return line_start
                + line
                    .char_indices()
                    .nth(at.col.saturating_sub(1))
                    .map_or(line.len(), |(i, _)| i);
        }
        line_start += line.len();
    }
    text.len()
}

/// The 1-based line and column (in characters) of a byte offset.
fn position(text: &str, offset: usize) -> Position {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    Position {
        line,
        col: before[line_start..].chars().count() + 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_type_names_become_the_docs_names() {
        assert_eq!(
            docs_names("Expected tuple variant RawEffect::Add with 2 elements"),
            "Expected tuple variant Add with 2 elements"
        );
        assert_eq!(
            docs_names("in `RawEvent`, or RawCond"),
            "in `Event`, or Cond"
        );
        assert_eq!(docs_names("a Rawhide DrawRaw"), "a Rawhide DrawRaw");
    }

    #[test]
    fn prose_across_lines_is_not_taken_for_an_unclosed_string() {
        assert!(looks_like_fields(
            "Talks open,\n            actors: [\"north"
        ));
        assert!(looks_like_fields("x\n        Event("));
        assert!(!looks_like_fields(
            "A long text\nNote: it goes on\nover lines."
        ));
    }

    #[test]
    fn positions_and_offsets_agree() {
        let text = "ab\n“c”d\n";
        let at = Position { line: 2, col: 3 };
        assert_eq!(position(text, offset(text, at)), at);
    }
}
