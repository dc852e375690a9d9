//! Sources and quotes: each source's text fetched once, and every citation's quote
//! checked against it, word for word (whitespace aside).

use super::{Checker, Item};
use crate::scenario::raw::RawCite;
use crate::scenario::{Cite, Source, SourceId, text};

/// How much of a missing quote an error shows, in characters.
const QUOTE_SHOWN: usize = 60;

impl Checker<'_> {
    /// The sources, with their texts fetched (a text that cannot be had is a problem).
    pub(super) fn sources_list(&mut self) -> Vec<Source> {
        let raw = self.raw;
        let mut out = Vec::new();
        for s in &raw.sources {
            let text = match &s.text {
                None => None,
                Some(name) => match self.texts.text(name) {
                    Ok(t) => Some(t),
                    Err(why) => {
                        self.problem(
                            Item {
                                kind: "source",
                                id: &s.id,
                            },
                            "text",
                            why,
                        );
                        None
                    }
                },
            };
            self.source_texts.push(text.as_deref().map(text::normalize));
            out.push(Source {
                id: s.id.clone(),
                title: s.title.clone(),
                reference: s.reference.clone(),
                text,
            });
        }
        out
    }

    /// Resolves citations; a quote must occur in its source's text when it ships one.
    pub(super) fn cites(&mut self, item: Item, field: &str, list: &[RawCite]) -> Vec<Cite> {
        let mut out = Vec::new();
        for c in list {
            let Some(source) = self.resolve::<SourceId>(item, field, &c.source) else {
                continue;
            };
            if let (Some(quote), Some(text)) = (&c.quote, &self.source_texts[source.0])
                && !text::contains_normalized(text, quote)
            {
                let short: String = quote.chars().take(QUOTE_SHOWN).collect();
                self.problem(
                    item,
                    field,
                    format!(
                        "the quote \"{short}\" does not occur in the text of source `{}`",
                        c.source
                    ),
                );
            }
            out.push(Cite {
                source,
                at: c.at.clone(),
                quote: c.quote.clone(),
            });
        }
        out
    }
}
