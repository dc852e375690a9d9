//! Bad game records — truncated, corrupted, from another version of the scenario, with
//! choices that do not fit, from a future format — each refused with the file and the
//! problem, through the library and through `panmunjom debrief` (exit 1, never a panic).

use std::path::Path;
use std::sync::Arc;

use panmunjom::engine::{Game, Policy, Setup};
use panmunjom::record::Record;

use crate::common::{main_scenario, run, stderr, temp_dir};

/// A finished game's record on the built-in scenario, as JSON.
fn good_record() -> String {
    let s = main_scenario();
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

/// Reads and replays a record file as `debrief` does; the rendered error.
fn library_error(path: &Path) -> String {
    let origin = path.display().to_string();
    match Record::read(path).and_then(|r| r.replay(&origin, main_scenario())) {
        Ok(_) => panic!("{origin} was accepted"),
        Err(e) => {
            assert_eq!(e.file, origin);
            e.render()
        }
    }
}

#[test]
fn every_bad_record_is_named_with_its_problem_by_library_and_debrief() {
    let good = good_record();
    assert!(good.contains("\"choices\""));
    let dir = temp_dir("record-corpus");
    let first_choice = good
        .find("\"decision\": \"")
        .expect("the record has a choice");
    let hash_at = good.find("\"hash\": \"").expect("hash") + "\"hash\": \"".len();
    let mut flipped = good.clone().into_bytes();
    flipped[good.len() / 2] = 0xff;
    let cases: Vec<(&str, Vec<u8>, &str, &str)> = vec![
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
    ];
    for (name, bytes, at, message) in &cases {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        let file = path.display().to_string();
        let prefix = if at.is_empty() {
            format!("{file}: error: ")
        } else if *at == ":" {
            format!("{file}:") // line:column follows
        } else {
            format!("{file}:{at}: error: ")
        };
        let lib = library_error(&path);
        assert!(
            lib.lines()
                .any(|l| l.starts_with(&prefix) && l.contains(message)),
            "{name}: library: expected {prefix:?} … {message:?}, got:\n{lib}"
        );
        let out = run(&["debrief", &file], None);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{name}: {err}");
        assert!(!err.contains("panicked"), "{name}: {err}");
        assert!(
            err.lines()
                .any(|l| l.starts_with(&prefix) && l.contains(message)),
            "{name}: debrief: expected {prefix:?} … {message:?}, got:\n{err}"
        );
    }
    // The good one is accepted, so the cases above fail for their own reason.
    let path = dir.join("good.json");
    std::fs::write(&path, &good).unwrap();
    let out = run(&["debrief", path.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    std::fs::remove_dir_all(&dir).ok();
}
