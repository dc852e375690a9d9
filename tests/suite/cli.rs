//! The command line, run as a user would.

use std::time::Duration;

use regex::Regex;

use crate::common::{repo, run, stderr, stdout, temp_dir, tiny_text};

#[test]
fn help_lists_every_command() {
    let out = run(&["--help"], None);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    // Each command as a word at the start of its line (`play` is also inside `replay`),
    // in this order.
    let mut last = 0;
    for cmd in [
        "validate",
        "replay",
        "play",
        "debrief",
        "tour",
        "bargain",
        "explore",
        "check-story",
    ] {
        let line = Regex::new(&format!(r"(?m)^\s+{cmd}\s")).unwrap();
        let found = line.find(&text);
        assert!(found.is_some(), "help lists {cmd}: {text}");
        let at = found.unwrap().start();
        assert!(at >= last, "{cmd} comes in its place: {text}");
        last = at;
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
    // A bad value on the command line: exit 2, as the README says.
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("not a playable role"));

    let out = run(&["play", "--role", "un", "--choices", "1,banana"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("banana"));

    let out = run(&["play", "--role", "un", "--choices", "9"], None);
    assert_eq!(out.status.code(), Some(2));
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
    assert_eq!(out.status.code(), Some(2));
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
    // The broken JSON's place: the stray quote after `"role" ` (1-based line and column).
    let (line, col) = text
        .lines()
        .enumerate()
        .find_map(|(i, l)| l.find("\"role\"").map(|c| (i + 1, c + "\"role\" \"".len())))
        .unwrap();
    let syntax = format!(
        "syntax.json:{line}:{col}: error: the record is damaged (not valid JSON): expected `:`"
    );

    let cases = [
        (
            "syntax.json",
            text.replacen("\"role\"", "\"role\" \"", 1),
            syntax.as_str(),
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

/// Runs the binary like [`run`], but kills it and fails if it has not ended within
/// `ceiling` (a generous bound that turns a runaway into a failure, not a timing test).
fn run_within(args: &[&str], ceiling: Duration) -> std::process::Output {
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_panmunjom"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let start = std::time::Instant::now();
    while child.try_wait().expect("the binary runs").is_none() {
        if start.elapsed() > ceiling {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "`panmunjom {}` still running after {ceiling:?}",
                args.join(" ")
            );
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    child.wait_with_output().expect("the binary runs")
}

#[test]
fn a_bad_role_lists_only_the_scenarios_own_roles() {
    // A scenario whose playable actors are `washington` and `moscow`, with no aliases.
    let dir = temp_dir("own-roles");
    let file = dir.join("capitals.ron");
    let text = tiny_text()
        .replace("\"north\"", "\"washington\"")
        .replace("\"south\"", "\"moscow\"");
    std::fs::write(&file, text).unwrap();
    let file = file.to_str().unwrap();

    // The file is good: its own roles play.
    let out = run(
        &[
            "play",
            "--scenario",
            file,
            "--role",
            "moscow",
            "--choices",
            "historical",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));

    let play = [
        "play",
        "--scenario",
        file,
        "--role",
        "un",
        "--choices",
        "historical",
    ];
    let explore = ["explore", "--scenario", file, "--role", "un", "--runs", "2"];
    for args in [&play[..], &explore[..]] {
        let command = args[0];
        let out = run(args, None);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{command}: {err}");
        assert!(
            err.contains("`un` is not a playable role"),
            "{command}: {err}"
        );
        assert!(
            err.contains("washington") && err.contains("moscow"),
            "{command}: the scenario's roles are listed: {err}"
        );
        let lower = err.to_lowercase();
        for foreign in ["soviet", "chinese", "ussr", "prc", "unc"] {
            assert!(
                !lower.contains(foreign),
                "{command}: another scenario's role `{foreign}` is offered: {err}"
            );
        }
        assert!(!err.contains("panicked"), "{err}");
    }
}

#[test]
fn explore_refuses_runaway_thread_and_run_counts() {
    let ceiling = Duration::from_secs(120);
    let cases: [(&[&str], &str, &str); 4] = [
        (
            &[
                "explore",
                "--role",
                "un",
                "--threads",
                "100000",
                "--runs",
                "10",
            ],
            "--threads",
            "100000",
        ),
        (
            &["explore", "--role", "un", "--runs", "1000000000000"],
            "--runs",
            "1000000000000",
        ),
        // No games, no report: zero runs is refused too.
        (&["explore", "--role", "un", "--runs", "0"], "--runs", "0"),
        (
            &[
                "explore",
                "--role",
                "un",
                "--runs",
                "99999999999999999999999",
            ],
            "--runs",
            "99999999999999999999999",
        ),
    ];
    for (args, flag, value) in cases {
        let out = run_within(args, ceiling);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(
            err.contains(flag) && err.contains(value),
            "{args:?}: the error names the option and the value: {err}"
        );
        assert!(!err.contains("panicked"), "{err}");
        assert!(stdout(&out).is_empty(), "no report: {}", stdout(&out));
    }
    // The limits themselves are accepted.
    let out = run_within(
        &[
            "explore",
            "--role",
            "un",
            "--threads",
            "256",
            "--runs",
            "3",
            "--format",
            "json",
        ],
        ceiling,
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("valid JSON");
    assert_eq!(report["runs"], 3);
}

#[test]
fn play_says_when_choices_are_left_over() {
    let many = vec!["h"; 200].join(",");
    let out = run(&["play", "--role", "un", "--choices", &many], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("Armistice signed 1953-07-27"),
        "the historical game is played out"
    );
    let err = stderr(&out);
    assert!(
        Regex::new(r"notice: --choices: the last \d+ value\(s\) were not used")
            .unwrap()
            .is_match(&err),
        "{err}"
    );

    // A list used up exactly, or `historical`, draws no notice.
    let out = run(&["play", "--role", "un", "--choices", "historical"], None);
    assert!(!stderr(&out).contains("notice"), "{}", stderr(&out));
}

#[test]
fn the_save_hint_names_the_scenario_file_when_the_game_used_one() {
    let dir = temp_dir("save-hint");
    let scenario = dir.join("tiny.ron");
    std::fs::write(&scenario, tiny_text()).unwrap();
    let record = dir.join("game.json");
    let (scenario, record) = (scenario.to_str().unwrap(), record.to_str().unwrap());
    let out = run(
        &[
            "play",
            "--role",
            "north",
            "--scenario",
            scenario,
            "--choices",
            "historical",
            "--save",
            record,
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let hint = format!("For the full comparison: panmunjom debrief {record} --scenario {scenario}");
    assert!(stdout(&out).contains(&hint), "{}", stdout(&out));
    // The command it prints works as it stands.
    let out = run(&["debrief", record, "--scenario", scenario], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));

    // The built-in scenario needs no --scenario.
    let out = run(
        &[
            "play",
            "--role",
            "un",
            "--choices",
            "historical",
            "--save",
            record,
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains(&format!("panmunjom debrief {record}\n")),
        "{}",
        stdout(&out)
    );
}

#[test]
fn class_reads_a_folder_of_named_records_and_names_the_files_it_skips() {
    let dir = temp_dir("class");
    for (n, (role, name, choices)) in [
        ("un", "Group <1>", "historical"),
        ("chinese", "Ana & Ben", "2,1,h"),
        ("soviet", "", "historical"),
    ]
    .into_iter()
    .enumerate()
    {
        let file = dir.join(format!("g{n}.json"));
        let mut args = vec!["play", "--role", role, "--choices", choices];
        let path = file.to_str().unwrap().to_string();
        args.extend(["--save", &path]);
        if !name.is_empty() {
            args.extend(["--name", name]);
        }
        let out = run(&args, None);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    }
    std::fs::write(dir.join("broken.json"), "{").unwrap();
    let folder = dir.to_str().unwrap();

    let out = run(&["class", folder, "--format", "json"], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let games = report["groups"][0]["games"].as_array().unwrap();
    assert_eq!(games.len(), 3);
    assert_eq!(games[0]["name"], "Group <1>");
    assert_eq!(games[1]["name"], "Ana & Ben");
    assert!(
        games[2]["name"].is_null(),
        "a record without a name has none"
    );
    assert_eq!(games[0]["divergence"]["total"], 0);
    let skipped = report["skipped"].as_array().unwrap();
    assert_eq!(skipped.len(), 1);
    assert!(
        skipped[0]["file"]
            .as_str()
            .unwrap()
            .ends_with("broken.json")
    );
    assert!(
        stderr(&out).contains("broken.json: skipped:"),
        "{}",
        stderr(&out)
    );

    let page = dir.join("report.html");
    let out = run(
        &[
            "class",
            folder,
            "--format",
            "html",
            "--out",
            page.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.contains("Group &lt;1&gt;") && html.contains("Ana &amp; Ben"));
    for format in ["text", "md"] {
        let out = run(&["class", folder, "--format", format], None);
        assert!(stdout(&out).contains("Ana & Ben"), "{format}");
    }

    // Nothing readable: an error, exit 1.
    let empty = temp_dir("class-empty");
    std::fs::write(empty.join("junk.json"), "not json").unwrap();
    let out = run(&["class", empty.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("junk.json"), "{}", stderr(&out));
}

#[test]
fn check_story_finds_a_planted_untrue_text_names_a_game_and_shows_it() {
    // Geneva's story holds in every game.
    let geneva = repo("scenarios/geneva-1954.ron");
    let out = run(
        &["check-story", geneva.to_str().unwrap(), "--games", "300"],
        None,
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    assert!(stdout(&out).contains("No findings"), "{}", stdout(&out));
    // Stalin's death presumed to fall while the talks are in session: in history they
    // were suspended from October 1952 to April 1953.
    let text = std::fs::read_to_string(repo("scenarios/korea-1952-1953.ron")).unwrap();
    let planted = text.replacen(
        r#"id: "1953-03-05-stalin-dies","#,
        r#"id: "1953-03-05-stalin-dies", presumes: Flag("talks_in_session"),"#,
        1,
    );
    assert_ne!(planted, text, "the event is still in the scenario");
    let dir = temp_dir("check-story");
    let file = dir.join("planted.ron");
    std::fs::write(&file, planted).unwrap();
    let out = run(
        &["check-story", file.to_str().unwrap(), "--games", "300"],
        None,
    );
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    let report = stdout(&out);
    assert!(
        report.contains("untrue text: `1953-03-05-stalin-dies`, presumes: requires \u{201c}Talks in session at Panmunjom\u{201d}"),
        "{report}"
    );
    let show = Regex::new(r"--show (\S+)").unwrap();
    let sample = &show
        .captures_iter(&report)
        .find(|c| report[c.get(0).unwrap().start().saturating_sub(400)..].contains("stalin-dies"))
        .expect("a game to reproduce")[1];
    let out = run(
        &["check-story", file.to_str().unwrap(), "--show", sample],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("HOW YOUR CHOICES LED HERE"),
        "{}",
        stdout(&out)
    );
    let out = run(&["check-story", "--show", "nobody:historical:1"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("write ROLE:POLICY:SEED"),
        "{}",
        stderr(&out)
    );
}
