//! Bad game records — truncated, corrupted, from another version of the scenario, with
//! choices that do not fit, from a future format — and what each must give. Shared by
//! the core's tests (through the library) and the root suite (through `panmunjom
//! debrief`), which includes this file with `#[path]`.

use std::sync::Arc;

use panmunjom_core::engine::{Game, Policy, Setup};
use panmunjom_core::record::Record;
use panmunjom_core::scenario::builtin;

/// A finished game's record on the built-in scenario, as JSON.
pub fn good_record() -> String {
    let s = Arc::new(builtin::main_scenario().expect("the shipped scenario is valid"));
    let role = s.actor_by_id("un").expect("un role");
    let mut game = Game::new(
        Arc::clone(&s),
        Setup {
            role,
            policy: Policy::Adaptive,
            seed: 7,
        },
    );
    game.play_historical();
    Record::of(&game).to_json()
}

/// One bad record: its file name, its bytes, the place the error names (`""`: the file
/// as a whole; `":"`: a line and column) and words of the message.
pub type Case = (&'static str, Vec<u8>, &'static str, &'static str);

/// The bad records, each made from the good one.
pub fn cases(good: &str) -> Vec<Case> {
    assert!(good.contains("\"choices\""));
    let first_choice = good
        .find("\"decision\": \"")
        .expect("the record has a choice");
    let hash_at = good.find("\"hash\": \"").expect("hash") + "\"hash\": \"".len();
    let mut flipped = good.to_string().into_bytes();
    flipped[good.len() / 2] = 0xff;
    vec![
        (
            "truncated.json",
            good.as_bytes()[..good.len() / 2].to_vec(),
            ":",
            "the record ends too early (truncated, or an interrupted copy)",
        ),
        ("empty.json", Vec::new(), "", "the record is empty"),
        (
            "corrupted-byte.json",
            flipped,
            "",
            "the record is not UTF-8 text",
        ),
        (
            "corrupted-syntax.json",
            good.replacen("\"role\":", "\"role\" ", 1).into_bytes(),
            ":",
            "the record is damaged (not valid JSON)",
        ),
        (
            "wrong-type.json",
            good.replacen("\"seed\": 7", "\"seed\": \"seven\"", 1)
                .into_bytes(),
            ":",
            "the record has a wrong or missing field",
        ),
        (
            "other-scenario-version.json",
            format!("{}0000000000ff{}", &good[..hash_at], &good[hash_at + 12..]).into_bytes(),
            "record `record`, field `scenario.hash`",
            "the record was played on another version of scenario `korea-1952-1953` (hash 0000000000ff…",
        ),
        (
            "non-ascii-hash.json",
            format!("{}aéééééééééé{}", &good[..hash_at], &good[hash_at + 12..]).into_bytes(),
            "record `record`, field `scenario.hash`",
            "the record was played on another version",
        ),
        (
            "other-scenario.json",
            good.replacen("\"korea-1952-1953\"", "\"berlin-1948\"", 1)
                .into_bytes(),
            "record `record`, field `scenario.id`",
            "the record was played on scenario `berlin-1948`",
        ),
        (
            "choice-does-not-fit.json",
            format!(
                "{}\"decision\": \"no-such-decision{}",
                &good[..first_choice],
                &good[first_choice + "\"decision\": \"".len()..][good
                    [first_choice + "\"decision\": \"".len()..]
                    .find('"')
                    .unwrap()..]
            )
            .into_bytes(),
            "record `choice 1`, field `decision`",
            "but the record has `no-such-decision` here: the record does not fit this scenario",
        ),
        (
            "unknown-option.json",
            {
                let at = good[first_choice..].find("\"option\": \"").unwrap() + first_choice;
                let start = at + "\"option\": \"".len();
                let end = start + good[start..].find('"').unwrap();
                format!("{}no-such-option{}", &good[..start], &good[end..]).into_bytes()
            },
            "record `choice 1`, field `option`",
            "has no option `no-such-option`",
        ),
        (
            "not-a-role.json",
            good.replacen("\"role\": \"un\"", "\"role\": \"nato\"", 1)
                .into_bytes(),
            "record `record`, field `role`",
            "`nato` is not a playable role",
        ),
        (
            "future-version.json",
            good.replacen(
                "\"version\": 1,",
                "\"version\": 2,\n  \"undo_stack\": [],",
                1,
            )
            .into_bytes(),
            "record `record`, field `version`",
            "record version 2 was written by a newer Panmunjom; this build reads version 1",
        ),
        (
            "no-version.json",
            good.replacen("\"version\": 1,", "", 1).into_bytes(),
            "record `record`, field `version`",
            "the record has no `version`",
        ),
        (
            "not-a-record.json",
            br#"{"name": "my essay", "words": 1200}"#.to_vec(),
            "record `record`, field `format`",
            "this is not a game record",
        ),
        (
            "too-big.json",
            format!("{}{}", good, " ".repeat(2 * 1024 * 1024)).into_bytes(),
            "",
            "the file is too big",
        ),
    ]
}

/// The start of the headline a user must see for a case in `file`.
pub fn headline_prefix(file: &str, at: &str) -> String {
    if at.is_empty() {
        format!("{file}: error: ")
    } else if at == ":" {
        format!("{file}:") // line:column follows
    } else {
        format!("{file}:{at}: error: ")
    }
}
