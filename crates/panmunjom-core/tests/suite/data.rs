//! The shipped data: the main scenario and the documented example load; the replay
//! covers every dated entry of the CIA estimate's annex.

use chrono::{Datelike, NaiveDate};
use panmunjom_core::scenario::builtin;
use regex::Regex;
use sha2::{Digest, Sha256};

use crate::common::{main_scenario, normalize, repo};

/// The SHA-256 of some bytes, in lowercase hex, computed here rather than by the loader.
fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[test]
fn the_built_in_scenario_is_the_file_in_scenarios_and_is_named_by_its_hash() {
    let path = repo("scenarios/korea-1952-1953.ron");
    let on_disk = std::fs::read(&path).expect("the shipped scenario file exists");
    // The program's copy is the file, byte for byte (a stale build or a second copy
    // would differ).
    assert!(
        builtin::MAIN_SCENARIO.as_bytes() == on_disk.as_slice(),
        "the built-in scenario text differs from {}",
        path.display()
    );
    // Its hash, the name records and debriefs give it, is the file's SHA-256.
    let built_in = main_scenario();
    assert_eq!(built_in.hash, sha256_hex(&on_disk));
    assert_eq!(built_in.hash.len(), 64);
    // Loading the file from disk gives the same scenario under the same name.
    let from_file = builtin::load_file(&path).unwrap_or_else(|e| panic!("{}", e.render()));
    assert_eq!(from_file.hash, built_in.hash);
    assert_eq!(from_file.id, "korea-1952-1953");
}

#[test]
fn every_built_in_scenario_is_its_file_in_scenarios() {
    let mut ids = Vec::new();
    for shipped in builtin::SHIPPED {
        let path = repo(shipped.file);
        let on_disk = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert!(
            shipped.text.as_bytes() == on_disk.as_slice(),
            "the built-in copy of {} differs from the file",
            shipped.file
        );
        let built_in = shipped.load().unwrap_or_else(|e| panic!("{}", e.render()));
        assert_eq!(built_in.hash, sha256_hex(&on_disk), "{}", shipped.file);
        assert_eq!(built_in.origin, format!("built-in:{}", shipped.file));
        let found = builtin::shipped_by_id(&built_in.id)
            .expect("found by its id")
            .expect("valid");
        assert_eq!(found.hash, built_in.hash, "{}", shipped.file);
        ids.push(built_in.id);
    }
    assert_eq!(
        ids,
        ["korea-1952-1953", "geneva-1954"],
        "main scenario first"
    );
    assert!(builtin::shipped_by_id("no-such-scenario").is_none());
}

/// The Geneva scenario has the main scenario's three roles, by the same ids and
/// aliases, each with decisions of its own.
#[test]
fn geneva_has_the_main_scenarios_roles_each_with_decisions() {
    let geneva = builtin::shipped_by_id("geneva-1954")
        .expect("built in")
        .expect("valid");
    let main = main_scenario();
    let roles = |s: &panmunjom_core::scenario::Scenario| -> Vec<(String, Vec<String>)> {
        s.playable()
            .map(|(_, a)| (a.id.clone(), a.aliases.clone()))
            .collect()
    };
    assert_eq!(roles(&geneva), roles(&main));
    for (id, actor) in geneva.playable() {
        let n = geneva.decisions_for(id).count();
        assert!(n >= 3, "role {} has only {n} decision points", actor.id);
    }
}

#[test]
fn the_built_in_source_texts_are_the_files_in_assets() {
    assert!(!builtin::ASSETS.is_empty());
    for (name, text) in builtin::ASSETS {
        let path = repo(&format!("assets/{name}"));
        let on_disk = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert!(
            text.as_bytes() == on_disk.as_slice(),
            "the built-in copy of {name} differs from {}",
            path.display()
        );
    }
}

#[test]
fn every_playable_role_has_at_least_eight_decisions() {
    let s = main_scenario();
    let roles: Vec<_> = s.playable().map(|(id, a)| (id, a.id.clone())).collect();
    assert_eq!(roles.len(), 3, "UN Command, USSR and PRC are playable");
    for (id, name) in roles {
        let n = s.decisions_for(id).count();
        assert!(n >= 8, "role {name} has only {n} decision points");
    }
}

#[test]
fn counterfactual_events_exist_and_are_conditional() {
    let s = main_scenario();
    let counterfactual: Vec<_> = s
        .timeline
        .iter()
        .filter_map(|e| e.as_event())
        .filter(|e| e.counterfactual)
        .collect();
    assert!(
        counterfactual.len() >= 4,
        "the main forks need counterfactual branches"
    );
    for e in counterfactual {
        assert!(
            !matches!(e.when, panmunjom_core::scenario::Cond::Always),
            "counterfactual event `{}` would fire on the historical path",
            e.id
        );
    }
}

/// The ```ron block of docs/scenario-format.md.
fn documented_example() -> String {
    let doc =
        std::fs::read_to_string(repo("docs/scenario-format.md")).expect("the format doc exists");
    let start = doc.find("```ron\n").expect("the doc has a ```ron example") + "```ron\n".len();
    let len = doc[start..]
        .find("```")
        .expect("the example block is closed");
    doc[start..start + len].to_string()
}

#[test]
fn documented_example_loads_and_plays_to_its_historical_armistice() {
    let text = documented_example();
    let s = panmunjom_core::scenario::check::load_str(
        "docs/scenario-format.md",
        &text,
        &builtin::Lookup { dir: None },
    )
    .unwrap_or_else(|e| panic!("{}", e.render()));
    let game = panmunjom_core::compare::historical_path(std::sync::Arc::new(s.clone()));
    let armistice = game
        .state
        .armistice
        .as_ref()
        .expect("the example reaches an armistice");
    assert_eq!(armistice.date, s.armistice.historical_date);
}

/// One dated entry of the annex: its paragraph and the dates it allows.
struct AnnexEntry {
    label: String,
    paragraph: String,
    from: NaiveDate,
    to: NaiveDate,
}

fn month(name: &str) -> u32 {
    let months = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    months
        .iter()
        .position(|m| *m == name)
        .expect("a month name") as u32
        + 1
}

fn last_day(year: i32, m: u32) -> NaiveDate {
    let (y, n) = if m == 12 {
        (year + 1, 1)
    } else {
        (year, m + 1)
    };
    NaiveDate::from_ymd_opt(y, n, 1)
        .unwrap()
        .pred_opt()
        .unwrap()
}

/// Parses the annex of the source text into entries with date ranges.
fn annex_entries() -> Vec<AnnexEntry> {
    let text = std::fs::read_to_string(repo(
        "assets/cia-oci-1953-05-21-sino-soviet-korean-truce.txt",
    ))
    .unwrap();
    let annex = &text[text.find("ANNEX").expect("the source has an annex")..];
    let date = Regex::new(
        r"^(?:25X1X\s+)?((?:Mid-)?(?:(\d{1,2})(?:-(\d{1,2}))?\s+)?([A-Z][a-z]+)(?:\s+(\d{4}))?(?:\s*-\s*(\d{1,2})\s+([A-Z][a-z]+))?):",
    )
    .unwrap();
    let mut year = 1952;
    let mut last_month = 6;
    let mut out = Vec::new();
    for para in annex.split("\n\n").map(normalize) {
        let Some(c) = date.captures(&para) else {
            continue;
        };
        let m = month(&c[4]);
        if let Some(y) = c.get(5) {
            year = y.as_str().parse().unwrap();
        } else if m < last_month {
            year += 1;
        }
        last_month = m;
        let (from, to) = match (c.get(2), c.get(3), c.get(6)) {
            (Some(d1), None, None) => {
                let d = NaiveDate::from_ymd_opt(year, m, d1.as_str().parse().unwrap()).unwrap();
                (d, d)
            }
            (Some(d1), Some(d2), _) => (
                NaiveDate::from_ymd_opt(year, m, d1.as_str().parse().unwrap()).unwrap(),
                NaiveDate::from_ymd_opt(year, m, d2.as_str().parse().unwrap()).unwrap(),
            ),
            (Some(d1), None, Some(d2)) => {
                let m2 = month(&c[7]);
                (
                    NaiveDate::from_ymd_opt(year, m, d1.as_str().parse().unwrap()).unwrap(),
                    NaiveDate::from_ymd_opt(year, m2, d2.as_str().parse().unwrap()).unwrap(),
                )
            }
            (None, _, _) => (
                NaiveDate::from_ymd_opt(year, m, 1).unwrap(),
                last_day(year, m),
            ),
        };
        out.push(AnnexEntry {
            label: c[1].to_string(),
            paragraph: para.clone(),
            from,
            to,
        });
    }
    out
}

#[test]
fn the_annex_parser_finds_every_dated_entry() {
    let entries = annex_entries();
    assert_eq!(entries.len(), 39, "the annex has 39 dated entries");
    assert_eq!(
        entries[0].from,
        NaiveDate::from_ymd_opt(1952, 6, 1).unwrap()
    );
    let last = entries.last().unwrap();
    assert_eq!(
        (last.from.year(), last.from.month(), last.from.day()),
        (1953, 5, 16)
    );
}

#[test]
fn replay_contains_every_annex_entry_with_its_date_and_the_estimate_as_source() {
    let s = main_scenario();
    let steps = panmunjom_core::replay::replay(s, None);
    for entry in annex_entries() {
        let found = steps.iter().any(|step| {
            step.kind == "event"
                && step.date >= entry.from
                && step.date <= entry.to
                && step.sources.iter().any(|c| {
                    c.source == "OCI-53"
                        && c.quote
                            .as_ref()
                            .is_some_and(|q| entry.paragraph.contains(&normalize(q)))
                })
        });
        assert!(
            found,
            "no replay step dated {}..{} quotes the annex entry `{}`",
            entry.from, entry.to, entry.label
        );
    }
}
