//! The command line, run as a user would.

use crate::common::{repo, run, stderr, stdout, temp_dir};

#[test]
fn help_lists_every_command() {
    let out = run(&["--help"], None);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    for cmd in [
        "validate", "replay", "play", "debrief", "tour", "bargain", "explore",
    ] {
        assert!(text.contains(cmd), "help lists {cmd}: {text}");
    }
}

#[test]
fn validate_accepts_the_shipped_scenario() {
    let path = repo("scenarios/korea-1952-1953.ron");
    let out = run(&["validate", path.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("ok"));
}

#[test]
fn replay_prints_the_historical_path_with_sources_and_state() {
    let out = run(&["replay"], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains("1953-07-27"),
        "the armistice is in the replay"
    );
    assert!(text.contains("Source: OCI-53"), "the estimate is cited");
    assert!(text.contains("Who knew:"));
    assert!(text.contains("State:"));
    // The passage of the estimate is quoted.
    assert!(text.contains("Communists at Panmunjom reject three variations"));
}

#[test]
fn replay_to_a_date_stops_there_and_json_uses_iso_dates() {
    let out = run(&["replay", "--to", "1952-12-31", "--format", "json"], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let steps: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("valid JSON");
    let steps = steps.as_array().unwrap();
    assert!(!steps.is_empty());
    for s in steps {
        let date = s["date"].as_str().unwrap();
        let d = chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").expect("ISO date");
        assert!(
            d <= chrono::NaiveDate::from_ymd_opt(1952, 12, 31).unwrap(),
            "{date}"
        );
    }
    assert!(steps.iter().any(|s| s["kind"] == "decision"));
}

#[test]
fn each_role_playing_history_reports_zero_divergence_and_27_july() {
    for role in ["un", "soviet", "chinese"] {
        let out = run(&["play", "--role", role, "--choices", "historical"], None);
        assert_eq!(out.status.code(), Some(0), "{role}: {}", stderr(&out));
        let text = stdout(&out);
        assert!(
            text.contains("Armistice signed 1953-07-27"),
            "{role}: {text}"
        );
        assert!(text.contains("Divergence score: 0 "), "{role}");
        assert!(
            text.contains("History: the same"),
            "{role}: the historical choice is shown"
        );
    }
}

#[test]
fn play_save_then_debrief_in_every_format() {
    let dir = temp_dir("save-debrief");
    let record = dir.join("game.json");
    let out = run(
        &[
            "play",
            "--role",
            "soviet",
            "--policy",
            "adaptive",
            "--seed",
            "5",
            "--choices",
            "2,h,1,2",
            "--save",
            record.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let saved: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&record).unwrap()).unwrap();
    assert_eq!(saved["format"], "panmunjom-record");
    assert_eq!(saved["role"], "ussr");
    assert_eq!(saved["policy"], "adaptive");
    assert_eq!(saved["seed"], 5);
    assert_eq!(
        saved["choices"].as_array().unwrap().len(),
        4,
        "the list ran out after four choices"
    );

    for format in ["text", "md", "json"] {
        let out = run(
            &["debrief", record.to_str().unwrap(), "--format", format],
            None,
        );
        assert_eq!(out.status.code(), Some(0), "{format}: {}", stderr(&out));
        let text = stdout(&out);
        assert!(
            text.contains("1953-07-27"),
            "{format} compares with the historical armistice"
        );
    }
}

#[test]
fn play_prompts_and_stops_cleanly_when_input_ends() {
    let dir = temp_dir("prompt");
    let record = dir.join("game.json");
    let out = run(
        &[
            "play",
            "--role",
            "chinese",
            "--save",
            record.to_str().unwrap(),
        ],
        Some("9\nx\n1\n"),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains("YOUR ROLE: People's Republic of China"),
        "the briefing comes first"
    );
    assert!(text.contains("DECISION"), "{text}");
    assert!(
        text.contains("Please type a number"),
        "bad answers are asked again"
    );
    assert!(
        text.contains("History:"),
        "the historical choice is revealed after the choice"
    );
    assert!(text.contains("Input ended"), "{text}");
    let saved: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&record).unwrap()).unwrap();
    assert_eq!(saved["choices"].as_array().unwrap().len(), 1);
}

#[test]
fn bad_roles_and_choices_are_errors_not_panics() {
    let out = run(
        &["play", "--role", "martian", "--choices", "historical"],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("not a playable role"));

    let out = run(&["play", "--role", "un", "--choices", "1,banana"], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("banana"));

    let out = run(&["play", "--role", "un", "--choices", "9"], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("options, not 9"), "{}", stderr(&out));
}

#[test]
fn a_failed_save_keeps_the_earlier_record() {
    let dir = temp_dir("keep-save");
    let record = dir.join("game.json");
    let out = run(
        &[
            "play",
            "--role",
            "un",
            "--choices",
            "1",
            "--save",
            record.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let before = std::fs::read(&record).unwrap();
    // A bad choice list: the game is refused and the earlier record is untouched.
    let out = run(
        &[
            "play",
            "--role",
            "un",
            "--choices",
            "7",
            "--save",
            record.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(std::fs::read(&record).unwrap(), before);
    // An impossible path: an error naming it, not a panic.
    let nowhere = dir.join("no/such/dir/game.json");
    let out = run(
        &[
            "play",
            "--role",
            "un",
            "--choices",
            "historical",
            "--save",
            nowhere.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("cannot write the game record"),
        "{}",
        stderr(&out)
    );
    assert!(!stderr(&out).contains("panicked"));
}

#[test]
fn bad_records_give_errors_with_their_place() {
    let dir = temp_dir("bad-records");
    let good = dir.join("good.json");
    let out = run(
        &[
            "play",
            "--role",
            "un",
            "--choices",
            "historical",
            "--save",
            good.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0));
    let text = std::fs::read_to_string(&good).unwrap();

    let cases = [
        (
            "syntax.json",
            text.replacen("\"role\"", "\"role\" \"", 1),
            ":",
        ),
        (
            "hash.json",
            text.replacen("\"hash\": \"", "\"hash\": \"00", 1),
            "field `scenario.hash`",
        ),
        (
            "option.json",
            {
                let v: serde_json::Value = serde_json::from_str(&text).unwrap();
                let option = v["choices"][0]["option"].as_str().unwrap().to_string();
                text.replacen(
                    &format!("\"option\": \"{option}\""),
                    "\"option\": \"surrender\"",
                    1,
                )
            },
            "choice 1`, field `option`",
        ),
        (
            "unknown.json",
            text.replacen("\"seed\"", "\"colour\": 1, \"seed\"", 1),
            "colour",
        ),
        (
            "format.json",
            text.replacen("panmunjom-record", "something-else", 1),
            "not a game record",
        ),
    ];
    for (name, body, expected) in cases {
        let path = dir.join(name);
        std::fs::write(&path, body).unwrap();
        let out = run(&["debrief", path.to_str().unwrap()], None);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{name}: {err}");
        assert!(
            err.contains(path.to_str().unwrap()),
            "{name} names the file: {err}"
        );
        assert!(
            err.contains(expected),
            "{name}: expected {expected:?} in {err}"
        );
        assert!(!err.contains("panicked"));
    }
}
