//! The debrief: a different choice diverges and the debrief says where; its text is
//! pinned by a snapshot.

use std::sync::Arc;

use panmunjom_core::compare::Debrief;
use panmunjom_core::engine::{Game, Policy, Progress, Setup};
use panmunjom_core::record::Record;
use panmunjom_core::report;

use crate::common::main_scenario;

/// The UN Command plays history except at its first decision, where it takes the
/// first open non-historical option.
fn one_different_choice(policy: Policy) -> (Game, String, String) {
    let s = main_scenario();
    let role = s.actor_by_id("un").expect("the UN Command is a role");
    let mut game = Game::new(
        Arc::clone(&s),
        Setup {
            role,
            policy,
            seed: 11,
        },
    );
    let mut first = None;
    while let Progress::AwaitingChoice(id) = game.advance_passing() {
        let d = s.entry(id).as_decision().unwrap();
        let open = game.open_options(id);
        let pick = if first.is_none() {
            let other = *open
                .iter()
                .find(|&&o| Some(o) != d.historical)
                .expect("an alternative is open");
            first = Some((d.title.clone(), d.date.to_string()));
            other
        } else if let Some(h) = d.historical.filter(|h| open.contains(h)) {
            h
        } else {
            open[0]
        };
        game.choose(pick).unwrap();
    }
    let (title, date) = first.expect("the UN Command decides at least once");
    (game, title, date)
}

#[test]
fn a_different_choice_diverges_and_the_debrief_says_where() {
    let (game, title, date) = one_different_choice(Policy::Historical);
    let d = Debrief::new(&game);
    assert!(d.divergence.decisions >= 1);
    assert!(d.divergence.total >= 1);
    let (first_date, first_title) = d.first_divergence.clone().expect("a first divergence");
    assert_eq!(first_title, title);
    assert_eq!(first_date.to_string(), date);
    let text = report::debrief_text::render(&d);
    assert!(
        text.contains(&format!("Your game first left history on {date}: {title}")),
        "{text}"
    );
    assert!(text.contains("DIFFERENT"));
    let md = report::debrief_md::render(&d);
    assert!(md.contains("**different**"));
    assert!(md.contains(&format!("first left history on **{date}**")));
}

#[test]
fn debrief_text_snapshot() {
    let (game, _, _) = one_different_choice(Policy::Adaptive);
    let record = Record::of(&game);
    let text = report::debrief_text::render(&Debrief::new(&game));
    // The debrief names the scenario by the start of its content hash, which changes
    // with every edit of the data: the snapshot pins the text around it.
    let hash = &main_scenario().hash;
    let short = &hash[..12];
    assert!(
        text.contains(&format!("scenario korea-1952-1953 ({short}…)")),
        "the header names the scenario and its hash:\n{text}"
    );
    let redacted = text.replace(short, "[hash]");
    insta::assert_snapshot!("debrief_un_one_different_choice", redacted);
    // The record names the scenario by its whole content hash.
    assert_eq!(&record.scenario.hash, hash);
}

#[test]
fn debrief_json_uses_iso_dates() {
    let (game, _, _) = one_different_choice(Policy::Historical);
    let json: serde_json::Value =
        serde_json::from_str(&report::json(&Debrief::new(&game))).unwrap();
    assert_eq!(json["outcome"]["historical_date"], "1953-07-27");
    let date = json["decisions"][0]["date"].as_str().unwrap();
    assert!(
        chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").is_ok(),
        "{date}"
    );
}

/// Plays the UN Command with the CLI's `--choices` answers (`None`: historical,
/// `Some(n)`: option n, 1-based), historical once they run out.
fn play_un(answers: &[Option<usize>]) -> Game {
    let s = main_scenario();
    let role = s.actor_by_id("un").expect("the UN Command is a role");
    let setup = Setup {
        role,
        policy: Policy::Historical,
        seed: 1,
    };
    let mut game = Game::new(Arc::clone(&s), setup);
    let mut answers = answers.iter();
    while let Progress::AwaitingChoice(id) = game.advance_passing() {
        let pick = match answers.next() {
            Some(Some(n)) => n - 1,
            _ => game.historical_or_first(id).unwrap(),
        };
        game.choose(pick).unwrap();
    }
    game
}

#[test]
fn an_aftermath_event_is_shown_on_the_day_it_fired_in_this_game() {
    let s = main_scenario();
    // Issue 13's game: history but for the last two answers; the armistice is signed
    // later than in history.
    let mut answers = vec![None; 9];
    answers.extend([Some(2), Some(1)]);
    let game = play_un(&answers);
    let signed = game.state.armistice.as_ref().expect("signed").date;
    let history = play_un(&[]);
    let hist_signed = history.state.armistice.as_ref().expect("signed").date;
    assert!(signed > hist_signed, "{signed} vs {hist_signed}");
    let mut aftermath = 0;
    for (i, entry) in s.timeline.iter().enumerate() {
        let id = panmunjom_core::scenario::EntryId(i);
        let Some(days) = entry.as_event().and_then(|e| e.after_agreement) else {
            continue;
        };
        if !game.state.fired[i] {
            continue;
        }
        aftermath += 1;
        let due = signed + chrono::Days::new(u64::from(days));
        assert_eq!(game.shown_date(id), due, "{}", entry.title());
        assert_eq!(game.shown_date_text(id), due.to_string());
        // In history the scenario's own date is shown, as before.
        assert_eq!(history.shown_date_text(id), entry.date_text());
    }
    assert!(aftermath >= 1, "an aftermath event fired");
    // The debrief and the replay show it after the armistice.
    let d = Debrief::new(&game);
    for e in &d.events {
        let i = s.entry_by_id(&e.id).unwrap();
        if s.entry(i)
            .as_event()
            .and_then(|e| e.after_agreement)
            .is_some()
        {
            assert!(e.date > signed, "{} on {}", e.title, e.date_text);
            assert_eq!(e.date_text, e.date.to_string());
        }
    }
    let mut replayed = 0;
    for step in panmunjom_core::replay::steps(&game, None) {
        let Some(i) = step.id.as_deref().and_then(|id| s.entry_by_id(id)) else {
            continue;
        };
        if s.entry(i)
            .as_event()
            .and_then(|e| e.after_agreement)
            .is_some()
        {
            replayed += 1;
            assert_eq!(step.date_text, game.shown_date_text(i), "{}", step.title);
        }
    }
    assert!(replayed >= 1, "the replay shows the aftermath");
}

#[test]
fn on_the_historical_path_every_entry_is_shown_under_its_own_date() {
    let s = main_scenario();
    let game = play_un(&[]);
    for (i, entry) in s.timeline.iter().enumerate() {
        let id = panmunjom_core::scenario::EntryId(i);
        assert_eq!(
            game.shown_date_text(id),
            entry.date_text(),
            "{}",
            entry.title()
        );
    }
}
