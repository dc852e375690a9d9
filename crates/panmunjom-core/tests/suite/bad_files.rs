//! Every class of bad scenario gives an error naming the file, the place and what is
//! wrong through the library, and never a panic (the root suite runs `panmunjom
//! validate` on them); mangled scenarios and records never panic.

use panmunjom_core::scenario::builtin::Lookup;
use panmunjom_core::scenario::check::load_str;
use panmunjom_core::scenario::error::Place;

use crate::common::tiny_text;

/// Replaces `from` (which must occur) by `to` in the tiny scenario.
fn tiny_with(from: &str, to: &str) -> String {
    let text = tiny_text();
    assert!(text.contains(from), "fixture lacks {from:?}");
    text.replacen(from, to, 1)
}

/// Loads a text that must fail; returns the rendered errors and the places.
fn errors(text: &str) -> (String, Vec<Place>) {
    match load_str("bad.ron", text, &Lookup { dir: None }) {
        Ok(_) => panic!("the file was accepted"),
        Err(e) => (
            e.render(),
            e.problems.iter().map(|p| p.place.clone()).collect(),
        ),
    }
}

fn line_of(text: &str, needle: &str) -> usize {
    text.lines()
        .position(|l| l.contains(needle))
        .expect("needle in text")
        + 1
}

#[test]
fn the_fixture_itself_is_valid() {
    load_str("tiny.ron", &tiny_text(), &Lookup { dir: None })
        .unwrap_or_else(|e| panic!("{}", e.render()));
}

#[test]
fn syntax_error_gives_line_and_column() {
    let text = tiny_with("title: \"Talks open\",", "title: \"Talks open\" ,,");
    let (msg, places) = errors(&text);
    let line = line_of(&text, "Talks open\" ,,");
    assert!(
        matches!(places[0], Place::LineCol(l, _) if l == line),
        "{msg}"
    );
    assert!(msg.starts_with(&format!("bad.ron:{line}:")), "{msg}");
    assert!(msg.contains("here"), "the offending line is shown: {msg}");
}

#[test]
fn type_error_gives_line_and_column() {
    let text = tiny_with(
        "label: \"Trust\", initial: 50",
        "label: \"Trust\", initial: \"fifty\"",
    );
    let (msg, places) = errors(&text);
    let line = line_of(&text, "\"fifty\"");
    assert!(
        matches!(places[0], Place::LineCol(l, _) if l == line),
        "{msg}"
    );
}

#[test]
fn unknown_field_is_named_with_its_line() {
    let text = tiny_with(
        "title: \"Talks open\",",
        "title: \"Talks open\",\n            colour: \"red\",",
    );
    let (msg, places) = errors(&text);
    let line = line_of(&text, "colour");
    assert!(
        matches!(places[0], Place::LineCol(l, _) if l == line),
        "{msg}"
    );
    assert!(msg.contains("colour"), "{msg}");
}

#[test]
fn duplicate_id_is_named() {
    let text = tiny_with("id: \"leak\"", "id: \"opening\"");
    let (msg, _) = errors(&text);
    assert!(
        msg.contains("`opening`") && msg.contains("duplicate"),
        "{msg}"
    );
}

#[test]
fn reference_to_nothing_names_item_and_field() {
    let text = tiny_with(
        "Move(\"north\", \"prisoners\", \"willing\")",
        "Move(\"north\", \"prisoners\", \"nobody\")",
    );
    let (msg, _) = errors(&text);
    assert!(
        msg.contains("decision `north-concede`, field `options.accept.effects`"),
        "{msg}"
    );
    assert!(
        msg.contains("no position on issue `prisoners` `nobody`"),
        "{msg}"
    );

    let text = tiny_with("when: TermsAgreed", "when: Fired(\"nothing-here\")");
    let (msg, _) = errors(&text);
    assert!(
        msg.contains("event `signing`, field `when`") && msg.contains("`nothing-here`"),
        "{msg}"
    );

    let text = tiny_with("role: \"north\"", "role: \"west\"");
    let (msg, _) = errors(&text);
    assert!(
        msg.contains("decision `north-concede`, field `role`") && msg.contains("no actor `west`"),
        "{msg}"
    );
}

#[test]
fn dates_out_of_order_are_refused() {
    let text = tiny_with("date: \"1952-03-15\"", "date: \"1952-02-15\"");
    let (msg, _) = errors(&text);
    assert!(
        msg.contains("event `leak`, field `date`") && msg.contains("out of order"),
        "{msg}"
    );
}

#[test]
fn dates_outside_the_span_are_refused() {
    let text = tiny_with("date: \"1952-06-02\"", "date: \"1953-06-02\"");
    let (msg, _) = errors(&text);
    assert!(
        msg.contains("event `stalemate`, field `date`") && msg.contains("outside"),
        "{msg}"
    );
}

#[test]
fn a_decision_needs_exactly_one_historical_option() {
    let none = tiny_with(
        ",\n                 historical: (note: \"It was time.\", sources: [(source: \"Notes\", at: \"p. 1\")])",
        "",
    );
    let (msg, _) = errors(&none);
    assert!(
        msg.contains("decision `north-concede`, field `options`") && msg.contains("none is"),
        "{msg}"
    );

    let two = tiny_with(
        "effects: [Add(\"trust\", -10)]",
        "effects: [Add(\"trust\", -10)], historical: (note: \"no\", sources: [(source: \"Notes\")])",
    );
    let (msg, _) = errors(&two);
    assert!(
        msg.contains("exactly one option must be marked historical; 2 are"),
        "{msg}"
    );
}

#[test]
fn an_event_needs_a_source() {
    let text = tiny_with(
        "sources: [(source: \"Notes\", at: \"p. 4\")]",
        "sources: []",
    );
    let (msg, _) = errors(&text);
    assert!(
        msg.contains("event `stalemate`, field `sources`") && msg.contains("at least one source"),
        "{msg}"
    );
}

#[test]
fn a_quote_must_occur_in_its_source() {
    let text = tiny_with("reject three variations", "accept three variations");
    let (msg, _) = errors(&text);
    assert!(
        msg.contains("event `opening`, field `sources`") && msg.contains("does not occur"),
        "{msg}"
    );
}

#[test]
fn many_problems_are_reported_together() {
    let text = tiny_with("id: \"leak\"", "id: \"opening\"").replace(
        "sources: [(source: \"Notes\", at: \"p. 4\")]",
        "sources: []",
    );
    match load_str("bad.ron", &text, &Lookup { dir: None }) {
        Err(e) => assert!(e.problems.len() >= 2, "{}", e.render()),
        Ok(_) => panic!("accepted"),
    }
}

#[test]
fn dates_written_wrongly_say_how_to_write_them() {
    let text = tiny_with("date: \"1952-03-15\"", "date: \"1952-02-30\"");
    let (msg, places) = errors(&text);
    let line = line_of(&text, "1952-02-30");
    assert!(
        matches!(places[0], Place::LineCol(l, _) if l == line),
        "{msg}"
    );
    assert!(msg.contains("write dates as \"YYYY-MM-DD\""), "{msg}");
}

#[test]
fn armistice_reports_and_objectives_are_checked() {
    let (msg, _) = errors(&tiny_with(
        "terms_date: \"1952-03-01\"",
        "terms_date: \"1952-09-01\"",
    ));
    assert!(
        msg.contains("armistice `armistice`, field `historical.terms_date`"),
        "{msg}"
    );
    let (msg, _) = errors(&tiny_with("to: [\"south\"]", "to: []"));
    assert!(msg.contains("event `leak`, field `visibility.to`"), "{msg}");
    let (msg, _) = errors(&tiny_with(
        "role: \"south\", text:",
        "role: \"broker\", text:",
    ));
    assert!(
        msg.contains("objective `south-willing`, field `role`")
            && msg.contains("not a playable actor"),
        "{msg}"
    );
}

mod never_panics {
    use panmunjom_core::record::Record;
    use panmunjom_core::scenario::builtin::Lookup;
    use panmunjom_core::scenario::check::load_str;
    use proptest::prelude::*;

    use crate::common::tiny_text;

    /// Applies an edit to a text at a position given as a fraction of its length.
    fn edit(text: &str, at: f64, cut: usize, insert: &str) -> String {
        let chars: Vec<char> = text.chars().collect();
        let i = ((chars.len() as f64) * at) as usize;
        let j = (i + cut).min(chars.len());
        chars[..i]
            .iter()
            .chain(insert.chars().collect::<Vec<_>>().iter())
            .chain(chars[j..].iter())
            .collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        #[test]
        fn a_mangled_scenario_is_an_error_or_a_valid_scenario_never_a_panic(
            at in 0.0f64..1.0,
            cut in 0usize..40,
            insert in "[(),:\\[\\]\"a-z0-9 \\-]{0,12}",
        ) {
            let text = edit(&tiny_text(), at, cut, &insert);
            if let Ok(s) = load_str("mangled.ron", &text, &Lookup { dir: None }) {
                // Whatever loads must also play to an end.
                let mut game = panmunjom_core::compare::historical_path(std::sync::Arc::new(s));
                game.play_historical();
                prop_assert!(game.is_finished());
            }
        }

        #[test]
        fn a_mangled_record_is_an_error_not_a_panic(
            at in 0.0f64..1.0,
            cut in 0usize..20,
            insert in "[{}\\[\\],:\"a-z0-9 ]{0,8}",
        ) {
            let record = r#"{"format": "panmunjom-record", "version": 1, "scenario": {"id": "tiny", "hash": "x"}, "role": "north", "policy": "adaptive", "seed": 3, "choices": [{"decision": "north-concede", "option": "accept"}]}"#;
            let _ = Record::parse("mangled.json", &edit(record, at, cut, &insert));
        }
    }
}
