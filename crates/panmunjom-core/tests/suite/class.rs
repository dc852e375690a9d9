//! The class report: a class's records tallied beside history (outcomes, the choices at
//! each decision, divergence, one row per record); broken and foreign files named and
//! skipped; the HTML page self-contained with every scenario and record text escaped.

use std::sync::Arc;

use panmunjom_core::class::{ClassReport, gather};
use panmunjom_core::compare::Debrief;
use panmunjom_core::engine::{Game, Policy, Progress, Setup};
use panmunjom_core::record::Record;
use panmunjom_core::report;
use panmunjom_core::scenario::{Decision, IssueId, PosId, Scenario};

use crate::common::{main_scenario, temp_dir};

/// Plays `role` to the end; at the player's `n`th decision `pick` chooses among the open
/// options (given the decision and the open options).
fn play(
    s: &Arc<Scenario>,
    role: &str,
    policy: Policy,
    seed: u64,
    pick: impl Fn(usize, &Decision, &[usize]) -> usize,
) -> Game {
    let role = s.actor_by_id(role).expect("a role");
    let mut game = Game::new(Arc::clone(s), Setup { role, policy, seed });
    let mut n = 0;
    while let Progress::AwaitingChoice(id) = game.advance_passing() {
        let d = s.entry(id).as_decision().expect("a decision");
        let open = game.open_options(id);
        let choice = pick(n, d, &open);
        game.choose(choice).expect("an open option");
        n += 1;
    }
    game
}

fn historical(_: usize, d: &Decision, open: &[usize]) -> usize {
    match d.historical {
        Some(h) if open.contains(&h) => h,
        _ => open[0],
    }
}

/// Differs from history at the player's first decision only.
fn first_differs(n: usize, d: &Decision, open: &[usize]) -> usize {
    if n == 0 {
        *open
            .iter()
            .find(|&&o| Some(o) != d.historical)
            .unwrap_or(&open[0])
    } else {
        historical(n, d, open)
    }
}

/// The last open option everywhere.
fn last_open(_: usize, _: &Decision, open: &[usize]) -> usize {
    *open.last().expect("an open option")
}

fn class(s: &Arc<Scenario>) -> Vec<(String, Record)> {
    let games = [
        ("Ana", play(s, "un", Policy::Historical, 1, historical)),
        ("Ben", play(s, "un", Policy::Historical, 2, first_differs)),
        ("Chloé & Dev", play(s, "un", Policy::Adaptive, 3, last_open)),
        ("Eli", play(s, "prc", Policy::Historical, 4, first_differs)),
        ("Fay", play(s, "ussr", Policy::Adaptive, 5, last_open)),
    ];
    games
        .iter()
        .map(|(name, g)| (format!("{name}.json"), Record::named(g, name)))
        .collect()
}

#[test]
fn the_class_report_tallies_every_record_beside_history() {
    let s = main_scenario();
    let records = class(&s);
    let r = ClassReport::build(records, std::slice::from_ref(&s));
    assert!(r.skipped.is_empty(), "{:?}", r.skipped);
    assert_eq!(r.groups.len(), 1);
    let g = &r.groups[0];
    assert_eq!(g.games.len(), 5);
    assert_eq!(g.games[1].name.as_deref(), Some("Ben"));

    // The historical game: divergence 0, signed on the historical date, never left history.
    let ana = &g.games[0];
    assert_eq!(ana.divergence.total, 0);
    assert_eq!(ana.armistice_date, Some(g.historical_date));
    assert!(ana.first_divergence.is_none());
    assert_eq!(g.divergence.historical, 1);
    let july = g
        .armistice_months
        .iter()
        .find(|m| m.historical)
        .expect("the historical month is on the chart");
    assert!(july.count >= 1);
    let shown: usize = g.armistice_months.iter().map(|m| m.count).sum();
    let signed = g
        .games
        .iter()
        .filter(|x| x.armistice_date.is_some())
        .count();
    assert_eq!(shown, signed, "every armistice is in one month's bar");
    let outcomes: usize = g.outcomes.iter().map(|o| o.count).sum();
    assert_eq!(outcomes, 5);

    // Ben left history at the UN's first decision, where Ana took the historical option.
    let first_un = s
        .decisions_for(s.actor_by_id("un").unwrap())
        .next()
        .unwrap()
        .1;
    let ben = &g.games[1];
    assert_eq!(
        ben.first_divergence.as_ref().map(|(_, t)| t.as_str()),
        Some(first_un.title.as_str())
    );
    let split = g.decisions.iter().find(|d| d.id == first_un.id).unwrap();
    assert_eq!(split.players, 3, "three records played the UN Command");
    let hist = split.options.iter().find(|o| o.historical).unwrap();
    assert_eq!(hist.id, first_un.historical_option().unwrap().id);
    assert!(hist.count >= 1);
    let chose: usize = split.options.iter().map(|o| o.count).sum();
    assert_eq!(chose + split.not_arisen, split.players);
    assert!(split.split > 0, "the class did not all choose alike");
    // The most divided decisions come first.
    assert!(g.decisions.windows(2).all(|w| w[0].split >= w[1].split));
    // Only decisions some record's player faced are listed.
    assert!(g.decisions.iter().all(|d| d.role != "un" || d.players == 3));

    // The objectives count the games played as each role.
    for o in &g.objectives {
        let played = g.games.iter().filter(|x| x.role == o.role).count();
        assert!(o.of <= played && o.met <= o.of, "{o:?}");
    }
}

#[test]
fn the_reports_show_the_discussion_questions_beside_their_decision() {
    let s = main_scenario();
    assert!(
        !s.learning_goals.is_empty(),
        "the main scenario has learning goals"
    );
    let first_un = s
        .decisions_for(s.actor_by_id("un").unwrap())
        .next()
        .unwrap()
        .1;
    let question = &first_un.discussion.first().expect("a question").question;
    let r = ClassReport::build(class(&s), std::slice::from_ref(&s));
    let html = report::html::class(&r);
    let md = report::class_md::render(&r);
    let text = report::class_text::render(&r);
    for (what, out) in [("html", &html), ("md", &md)] {
        let at_title = out
            .find(&escape(&first_un.title))
            .unwrap_or_else(|| panic!("{what}: title"));
        let at_question = out
            .find(&escape(question))
            .unwrap_or_else(|| panic!("{what}: question"));
        assert!(
            at_question > at_title,
            "{what}: the question follows its decision"
        );
    }
    assert!(crate::common::normalize(&text).contains(&crate::common::normalize(question)));
    // The debrief of one game shows them too.
    let game = play(&s, "un", Policy::Historical, 1, first_differs);
    let d = Debrief::new(&game);
    let page = report::html::debrief(&d);
    assert!(page.contains(&escape(question)));
    assert!(page.contains(&escape(&s.learning_goals[0])));
}

/// What maud writes for a text.
fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[test]
fn broken_and_foreign_files_are_named_and_skipped() {
    let s = main_scenario();
    let dir = temp_dir();
    let records = class(&s);
    let sub = dir.path().join("period 2");
    std::fs::create_dir(&sub).unwrap();
    records[0].1.write(&dir.path().join("good.json")).unwrap();
    records[1].1.write(&sub.join("good too.json")).unwrap();
    std::fs::write(
        dir.path().join("broken.json"),
        "{\"format\": \"panmunjom-rec",
    )
    .unwrap();
    std::fs::write(dir.path().join("notes.txt"), "not a record, not read").unwrap();
    let mut other_version = records[2].1.clone();
    other_version.scenario.hash = "0123456789abcdef".into();
    other_version
        .write(&dir.path().join("old-version.json"))
        .unwrap();
    let mut other_scenario = records[3].1.clone();
    other_scenario.scenario.id = "geneva-1954".into();
    other_scenario
        .write(&dir.path().join("geneva.json"))
        .unwrap();

    let found = gather(&[dir.path().to_path_buf()]);
    assert_eq!(
        found.records.len(),
        4,
        "two good and two foreign records are read"
    );
    assert_eq!(found.skipped.len(), 1);
    assert!(found.skipped[0].file.ends_with("broken.json"));
    assert!(
        found.skipped[0].reason.contains("ends too early"),
        "{:?}",
        found.skipped
    );
    let r = ClassReport::build(found.records, std::slice::from_ref(&s));
    assert_eq!(r.game_count(), 2);
    let why = |name: &str| {
        r.skipped
            .iter()
            .find(|x| x.file.ends_with(name))
            .unwrap_or_else(|| panic!("{name} is skipped: {:?}", r.skipped))
            .reason
            .clone()
    };
    assert!(why("old-version.json").contains("another version"));
    assert!(why("geneva.json").contains("`geneva-1954`"));
    assert!(why("geneva.json").contains("--scenario"));
    // The page lists them.
    let html = report::html::class(&ClassReport {
        skipped: [found.skipped, r.skipped.clone()].concat(),
        ..r
    });
    assert!(html.contains("broken.json") && html.contains("old-version.json"));
}

#[test]
fn records_without_a_name_stay_readable_and_names_round_trip() {
    let s = main_scenario();
    let game = play(&s, "un", Policy::Historical, 1, historical);
    let plain = Record::of(&game).to_json();
    assert!(
        !plain.contains("\"name\""),
        "a record without a name keeps the old layout"
    );
    assert_eq!(Record::parse("old.json", &plain).unwrap().name, None);
    let named = Record::named(&game, "  Group 4  ").to_json();
    assert_eq!(
        Record::parse("new.json", &named).unwrap().name.as_deref(),
        Some("Group 4")
    );
    assert_eq!(Record::named(&game, "   ").name, None);
}

#[test]
fn the_html_pages_are_self_contained_and_escape_every_text() {
    let s = main_scenario();
    let game = play(&s, "un", Policy::Historical, 1, first_differs);
    let hostile = "<script>alert('x')</script> & <img src=x onerror=alert(1)>";
    let records = vec![("a.json".to_string(), Record::named(&game, hostile))];
    let r = ClassReport::build(records, std::slice::from_ref(&s));
    let class = report::html::class(&r);
    let debrief = report::html::debrief(&Debrief::new(&game));
    for page in [&class, &debrief] {
        assert!(page.starts_with("<!DOCTYPE html>"));
        let lower = page.to_lowercase();
        for banned in [
            "<script", "<img", "<link", "<iframe", "src=\"", "href=\"", "@import", "url(",
        ] {
            assert!(!lower.contains(banned), "the page holds {banned}");
        }
        assert!(page.contains("@media print"), "print styles");
        assert!(page.contains("<svg"), "charts are inline SVG");
    }
    assert!(class.contains("&lt;script&gt;alert('x')&lt;/script&gt; &amp; &lt;img"));
}

#[test]
fn the_main_scenario_has_a_discussion_question_with_sources_for_every_decision() {
    let s = main_scenario();
    for entry in &s.timeline {
        if let Some(d) = entry.as_decision() {
            assert!(
                !d.discussion.is_empty(),
                "decision `{}` has no question",
                d.id
            );
            assert!(
                d.discussion.iter().all(|q| !q.sources.is_empty()),
                "{}",
                d.id
            );
        }
    }
}

fn geneva() -> Arc<Scenario> {
    let s = panmunjom_core::scenario::builtin::shipped_by_id("geneva-1954")
        .expect("geneva is built in")
        .expect("geneva loads");
    Arc::new(s)
}

#[test]
fn a_geneva_class_says_settlement_and_no_settlement_as_in_history() {
    let s = geneva();
    let records: Vec<(String, Record)> = s
        .playable()
        .enumerate()
        .map(|(n, (_, a))| {
            let g = play(&s, &a.id, Policy::Historical, n as u64 + 1, historical);
            (format!("{}.json", a.id), Record::named(&g, &a.id))
        })
        .collect();
    let r = ClassReport::build(records, std::slice::from_ref(&s));
    assert!(r.skipped.is_empty(), "{:?}", r.skipped);
    let g = &r.groups[0];
    assert!(
        g.term_sets.is_empty(),
        "no historical game reaches a settlement"
    );
    assert!(g.armistice_months.iter().all(|m| !m.historical));
    let text = report::class_text::render(&r);
    let md = report::class_md::render(&r);
    let html = report::html::class(&r);
    let json = report::json(&r);
    for (what, page) in [("text", &text), ("md", &md), ("html", &html)] {
        let lower = page.to_lowercase();
        assert!(lower.contains("settlement"), "{what} names the settlement");
        assert!(
            lower.contains("no settlement \u{2014} as in history"),
            "{what}: {page}"
        );
        // The scenario's own quotations may speak of the 1953 armistice; the report's
        // words may not.
        for ours in [
            "armistice signed",
            "armistices",
            "no armistice",
            "the armistice",
            "an armistice",
        ] {
            assert!(!lower.contains(ours), "{what} says {ours}: {page}");
        }
        assert!(!lower.contains("an settlement"), "{what}: {page}");
    }
    assert!(json.contains("\"noun\": \"settlement\""));
    let game = play(&s, "un", Policy::Historical, 1, historical);
    let debrief = report::html::debrief(&Debrief::new(&game)).to_lowercase();
    assert!(debrief.contains("no settlement \u{2014} as in history"));
    for ours in ["armistice signed", "no armistice", "your armistice"] {
        assert!(!debrief.contains(ours), "the debrief says {ours}");
    }
}

/// Plays the UN side with the historical options; at its first meeting tables `package`
/// (if any), then passes every meeting.
fn play_tabling(s: &Arc<Scenario>, seed: u64, package: Option<Vec<Option<PosId>>>) -> Game {
    let role = s.actor_by_id("un").expect("a role");
    let mut game = Game::new(
        Arc::clone(s),
        Setup {
            role,
            policy: Policy::Historical,
            seed,
        },
    );
    let mut tabled = false;
    loop {
        match game.advance() {
            Progress::AwaitingChoice(id) => {
                let d = s.entry(id).as_decision().expect("a decision");
                let open = game.open_options(id);
                game.choose(historical(0, d, &open))
                    .expect("an open option");
            }
            Progress::AtTable(_) => {
                if let (false, Some(p)) = (tabled, &package) {
                    game.table(p.clone()).expect("the package is tabled");
                    tabled = true;
                }
                let _ = game.pass();
            }
            Progress::Advanced | Progress::Finished => break,
        }
    }
    game
}

#[test]
fn the_class_report_shows_the_proposals_the_class_tabled_beside_historys() {
    let s = main_scenario();
    // The UN Command's own ideal terms: the same package from two players.
    let un = s.actor_by_id("un").expect("the UN side");
    let package: Vec<Option<PosId>> = (0..s.issues.len())
        .map(|i| s.stance(un, IssueId(i)).map(|st| st.position))
        .collect();
    let games = [
        ("Ana", play_tabling(&s, 1, Some(package.clone()))),
        ("Ben", play_tabling(&s, 2, Some(package.clone()))),
        ("Cy", play_tabling(&s, 3, None)),
    ];
    let records: Vec<(String, Record)> = games
        .iter()
        .map(|(name, g)| (format!("{name}.json"), Record::named(g, name)))
        .collect();
    assert!(
        !records[0].1.table.is_empty(),
        "the record carries the move"
    );
    let r = ClassReport::build(records, std::slice::from_ref(&s));
    assert!(r.skipped.is_empty(), "{:?}", r.skipped);
    let t = &r.groups[0].table;
    assert_eq!(t.packages.len(), 1, "{:?}", t.packages);
    let p = &t.packages[0];
    assert_eq!((p.count, p.games, p.role.as_str()), (2, 2, "un"));
    let labels: Vec<Option<&str>> = package
        .iter()
        .zip(&s.issues)
        .map(|(p, i)| p.map(|p| i.positions[p.0].label.as_str()))
        .collect();
    assert_eq!(
        p.terms.iter().map(|l| l.as_deref()).collect::<Vec<_>>(),
        labels
    );
    assert!(!p.answers.is_empty(), "the other sides answered");
    assert_eq!(t.historical.len(), s.proposals.len());
    let text = report::class_text::render(&r);
    let md = report::class_md::render(&r);
    let html = report::html::class(&r);
    let json = report::json(&r);
    assert!(text.contains("AT THE TABLE"), "{text}");
    assert!(text.contains("tabled 2 time(s) in 2 game(s)"), "{text}");
    assert!(md.contains("### At the table"), "{md}");
    assert!(html.contains("At the table: the proposals the class tabled"));
    assert!(json.contains("\"packages\""));
    let first = &s.proposals[0].title;
    for (what, page) in [("text", &text), ("md", &md), ("html", &html)] {
        assert!(
            page.contains(&escape(first)) || page.contains(first.as_str()),
            "{what} lists the historical proposal {first}"
        );
        let (who, word, _) = &p.answers[0];
        assert!(page.contains(&escape(who)), "{what} names who answered");
        assert!(page.contains(word.as_str()), "{what} says how");
    }
}
