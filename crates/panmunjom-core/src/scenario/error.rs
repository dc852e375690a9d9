//! Load errors that name the file, the place and what is wrong — never a panic.
//!
//! A place is either a line and column (syntax and type errors, from RON's spans, and
//! JSON's for records) or an item of the data: its kind, id and field.

use std::fmt;

/// Where in a file a problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// 1-based line and column.
    LineCol(usize, usize),
    /// An item of the data: e.g. kind `event`, id `1952-10-08-suspension`, field `when`.
    Item {
        kind: String,
        id: String,
        field: String,
    },
    /// The file as a whole (unreadable, empty…).
    File,
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Place::LineCol(l, c) => write!(f, "{l}:{c}"),
            Place::Item { kind, id, field } if field.is_empty() => write!(f, "{kind} `{id}`"),
            Place::Item { kind, id, field } => write!(f, "{kind} `{id}`, field `{field}`"),
            Place::File => Ok(()),
        }
    }
}

/// One thing wrong with a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub place: Place,
    pub message: String,
}

impl Problem {
    pub fn at(kind: &str, id: &str, field: &str, message: impl Into<String>) -> Self {
        Problem {
            place: Place::Item {
                kind: kind.to_string(),
                id: id.to_string(),
                field: field.to_string(),
            },
            message: message.into(),
        }
    }
}

/// Everything wrong with one file (a scenario, a record).
#[derive(Debug, Clone)]
pub struct LoadError {
    /// The file's path as the user gave it (or `built-in:<name>`).
    pub file: String,
    pub problems: Vec<Problem>,
    /// The file's text, when it could be read: used to show the offending line.
    pub text: Option<String>,
}

impl LoadError {
    pub fn single(file: &str, place: Place, message: impl Into<String>) -> Self {
        LoadError {
            file: file.to_string(),
            problems: vec![Problem {
                place,
                message: message.into(),
            }],
            text: None,
        }
    }

    /// The errors, one per line, each as `file:place: error: message`; a line/column
    /// error is followed by the offending lines with the column marked (drawn by miette).
    pub fn render(&self) -> String {
        let mut out = String::new();
        for p in &self.problems {
            let mut headline = self.file.clone();
            if p.place != Place::File {
                headline.push(':');
                headline.push_str(&p.place.to_string());
            }
            headline.push_str(": error: ");
            headline.push_str(&p.message);
            out.push_str(&printable(&headline));
            out.push('\n');
            if let (Place::LineCol(line, col), Some(text)) = (&p.place, &self.text) {
                out.push_str(&snippet(&self.file, &printable(text), *line, *col));
            }
        }
        out
    }
}

/// `s` safe to print on a terminal: control characters of a hostile file (escape
/// sequences, NULs, carriage returns) become U+FFFD or a space, one character for one,
/// so columns stay where they were.
pub fn printable(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\n' | '\t' => c,
            '\r' => ' ',
            c if c.is_control() => '\u{FFFD}',
            c => c,
        })
        .collect()
}

/// Longest line drawn in a snippet, in bytes.
const MAX_SNIPPET_LINE: usize = 1000;

/// The lines around `line:col` of `text`, with the column marked.
fn snippet(file: &str, text: &str, line: usize, col: usize) -> String {
    // A hostile file may put a megabyte on one line: show no snippet rather than that.
    let too_long = text
        .lines()
        .skip(line.saturating_sub(2))
        .take(3)
        .any(|l| l.len() > MAX_SNIPPET_LINE);
    if too_long {
        return String::new();
    }
    let offset = offset_of(text, line, col);
    let diagnostic = Snippet {
        src: miette::NamedSource::new(file, text.to_string()),
        span: (offset, 1).into(),
    };
    let mut out = String::new();
    let handler =
        miette::GraphicalReportHandler::new_themed(miette::GraphicalTheme::unicode_nocolor())
            .with_context_lines(1);
    if handler.render_report(&mut out, &diagnostic).is_err() {
        return String::new();
    }
    // miette repeats the message as a header line; the headline above already says it.
    out.lines()
        .skip_while(|l| !l.contains('\u{256d}'))
        .map(|l| format!("{l}\n"))
        .collect()
}

/// Byte offset of a 1-based line and column (in characters) in `text`, clamped to it.
fn offset_of(text: &str, line: usize, col: usize) -> usize {
    let mut offset = 0;
    for (i, l) in text.split_inclusive('\n').enumerate() {
        if i + 1 == line {
            let within: usize = l
                .chars()
                .take(col.saturating_sub(1))
                .map(char::len_utf8)
                .sum();
            return (offset + within).min(text.len().saturating_sub(1));
        }
        offset += l.len();
    }
    text.len().saturating_sub(1)
}

#[derive(Debug, thiserror::Error, miette::Diagnostic)]
#[error("here")]
struct Snippet {
    #[source_code]
    src: miette::NamedSource<String>,
    #[label("here")]
    span: miette::SourceSpan,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.render().trim_end())
    }
}

impl std::error::Error for LoadError {}
