//! `panmunjom play`: one role in the terminal, prompted or from a list of choices.
//!
//! The player sees the briefing, then every event their side knows of as it happens
//! (public ones, their own private channel, intelligence reports when they arrive).
//! At each decision: the options and a prompt; after the choice, what the real side
//! did, with its source.

use std::io::BufRead;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use super::{UserError, out};
use crate::compare::Debrief;
use crate::engine::{Game, Happening, Policy, Progress, Seat, Setup};
use crate::record::Record;
use crate::report::{self, days_text, wrap, wrap_hanging};
use crate::scenario::{ActorId, Entry, EntryId, Scenario};

const WIDTH: usize = 88;

pub struct Args {
    /// One role (`--role`), or several played hot-seat (`--roles`), as typed.
    pub roles: Vec<String>,
    pub scenario: Option<PathBuf>,
    pub seed: u64,
    pub policy: Policy,
    pub choices: Option<String>,
    pub save: Option<PathBuf>,
    /// The players' or groups' names for the record: none, or one per role.
    pub name: Vec<String>,
}

/// One answer from `--choices`.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Answer {
    /// 1-based option number.
    Number(usize),
    Historical,
    /// A move at the table (see [`super::table::Move`]).
    Table(super::table::Move),
}

/// Parses `--choices`: `historical`, or numbers and `h` separated by commas.
fn parse_choices(list: &str) -> Result<Option<Vec<Answer>>, UserError> {
    let trimmed = list.trim();
    if trimmed.eq_ignore_ascii_case("historical") {
        return Ok(None);
    }
    let mut answers: Vec<Answer> = Vec::new();
    for (i, tok) in trimmed.split(',').map(str::trim).enumerate() {
        // `table:custody=india_sole,explanations=ninety_days`: the items after the
        // first that are `issue=position` belong to the same package.
        if tok.contains('=')
            && !tok.to_ascii_lowercase().starts_with("table:")
            && let Some(Answer::Table(super::table::Move::Table(terms))) = answers.last_mut()
        {
            terms.push(',');
            terms.push_str(tok);
            continue;
        }
        if let Some(mv) = super::table::parse_move(tok) {
            let mv =
                mv.map_err(|e| UserError::usage(format!("error: --choices: item {}: {e}", i + 1)))?;
            answers.push(Answer::Table(mv));
        } else if tok.eq_ignore_ascii_case("h") || tok.eq_ignore_ascii_case("historical") {
            answers.push(Answer::Historical);
        } else {
            let n = tok.parse::<usize>().ok().filter(|&n| n >= 1).ok_or_else(|| {
                UserError::usage(format!(
                    "error: --choices: item {} is `{tok}`; expected an option number (1, 2, …), `h`, a table move (`table:issue=position,…`, `accept`, `reject`, `history`, `pass`), or the single word `historical`",
                    i + 1
                ))
            })?;
            answers.push(Answer::Number(n));
        }
    }
    Ok(Some(answers))
}

/// Where the player's answers come from.
enum Source {
    /// Every decision historical.
    AllHistorical,
    /// A list; when it runs out the game stops unfinished.
    List(std::iter::Peekable<std::vec::IntoIter<Answer>>),
    /// Standard input.
    Prompt,
}

/// One person's seat in terminal play: where its answers come from, how much of the
/// log it has been shown, whether it has read its briefing.
struct SeatPlay {
    role: ActorId,
    source: Source,
    shown: usize,
    briefed: bool,
}

/// The seats of `--role`/`--roles` and their `--choices` lists. With one role,
/// `--choices` is as before; with several, `historical` (every seat), or one list per
/// role: `un:1,2,h;chinese:h,table:custody=india_sole` (a role without a list is
/// prompted).
fn seats(scenario: &Scenario, args: &Args) -> Result<Vec<SeatPlay>, UserError> {
    let mut roles: Vec<ActorId> = Vec::new();
    for name in &args.roles {
        let r = scenario.role_by_name(name)?;
        if roles.contains(&r) {
            return Err(UserError::usage(format!(
                "error: --roles: `{name}` names role `{}` a second time",
                scenario.actor(r).id
            )));
        }
        roles.push(r);
    }
    if roles.is_empty() {
        return Err(UserError::usage(format!(
            "error: --roles: name at least one role ({})",
            scenario.role_names()
        )));
    }
    if !args.name.is_empty() && args.name.len() != roles.len() {
        return Err(UserError::usage(format!(
            "error: --name: {} name(s) for {} role(s); give one --name per role, in the order of --roles",
            args.name.len(),
            roles.len()
        )));
    }
    let source = |list: Option<&str>| -> Result<Source, UserError> {
        Ok(match list.map(parse_choices).transpose()? {
            None => Source::Prompt,
            Some(None) => Source::AllHistorical,
            Some(Some(list)) => Source::List(list.into_iter().peekable()),
        })
    };
    let mut lists: Vec<Option<String>> = vec![None; roles.len()];
    match args.choices.as_deref() {
        None => {}
        Some(list) if roles.len() == 1 || list.trim().eq_ignore_ascii_case("historical") => {
            lists.fill(Some(list.to_string()));
        }
        Some(list) => {
            for part in list.split(';').map(str::trim).filter(|p| !p.is_empty()) {
                let Some((who, rest)) = part.split_once(':') else {
                    return Err(UserError::usage(format!(
                        "error: --choices: with several roles, give each role's list after its name: `un:1,2,h;chinese:h` (`{part}` names no role)"
                    )));
                };
                let seated = scenario
                    .role_by_name(who)
                    .ok()
                    .and_then(|r| roles.iter().position(|&x| x == r));
                let Some(k) = seated else {
                    let names: Vec<&str> = roles
                        .iter()
                        .map(|&r| scenario.actor(r).id.as_str())
                        .collect();
                    return Err(UserError::usage(format!(
                        "error: --choices: `{}` is not one of the roles played here ({})",
                        who.trim(),
                        names.join(", ")
                    )));
                };
                if lists[k].is_some() {
                    return Err(UserError::usage(format!(
                        "error: --choices: role `{}` has two lists",
                        who.trim()
                    )));
                }
                lists[k] = Some(rest.to_string());
            }
        }
    }
    roles
        .into_iter()
        .zip(lists)
        .map(|(role, list)| {
            let source = source(list.as_deref()).map_err(|e| {
                if args.roles.len() > 1 {
                    UserError::usage(format!(
                        "{} (in the list of `{}`)",
                        e.text,
                        scenario.actor(role).id
                    ))
                } else {
                    e
                }
            })?;
            Ok(SeatPlay {
                role,
                source,
                shown: 0,
                briefed: false,
            })
        })
        .collect()
}

#[allow(
    clippy::expect_used,
    reason = "the game waits only at a decision with an open option: a failure is a bug"
)]
pub fn run(args: Args) -> Result<ExitCode, UserError> {
    let scenario = crate::scenario::load(args.scenario.as_deref())?;
    let mut seats = seats(&scenario, &args)?;
    let hot_seat = seats.len() > 1;
    let names: Vec<Option<String>> = if args.name.is_empty() {
        vec![None; seats.len()]
    } else {
        args.name
            .iter()
            .map(|n| Some(n.trim().to_string()).filter(|n| !n.is_empty()))
            .collect()
    };
    let game_seats: Vec<Seat> = seats
        .iter()
        .zip(&names)
        .map(|(p, name)| Seat {
            role: p.role,
            name: name.clone(),
        })
        .collect();
    let mut game = Game::new(
        Arc::clone(&scenario),
        Setup {
            role: seats[0].role,
            policy: args.policy,
            seed: args.seed,
        },
    )
    .with_seats(game_seats);
    if hot_seat {
        table_of_seats(&game, args.policy, args.seed);
    } else {
        briefing(&scenario, seats[0].role, args.policy, args.seed);
        seats[0].briefed = true;
    }
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    let mut last: Option<ActorId> = None;
    let mut stopped: Option<String> = None;
    loop {
        let progress = game.advance();
        let Some(who) = game.turn() else {
            // The game is over: each seat sees how its own news ended (the debrief
            // below shows every side's decisions anyway).
            if hot_seat {
                out(
                    "\n\u{2550}\u{2550}\u{2550} The game is over: every delegation may look \u{2550}\u{2550}\u{2550}\n",
                );
            }
            for seat in &mut seats {
                if hot_seat {
                    out(&format!(
                        "\n\u{2500}\u{2500} {}\n",
                        scenario.actor(seat.role).name.to_uppercase()
                    ));
                }
                seat.shown = show_log(&game, seat.shown, seat.role);
            }
            break;
        };
        let k = seats
            .iter()
            .position(|p| p.role == who)
            .expect("the game waits only for a seated role");
        if hot_seat && last != Some(who) {
            let waits = matches!(seats[k].source, Source::Prompt);
            if !curtain(&game, who, waits, &mut input) {
                stopped = Some("Input ended; the game stops here, unfinished.".to_string());
                break;
            }
        }
        last = Some(who);
        let seat = &mut seats[k];
        if !seat.briefed {
            briefing(&scenario, who, args.policy, args.seed);
            seat.briefed = true;
        }
        seat.shown = show_log(&game, seat.shown, who);
        if let Progress::AtTable(m) = progress {
            super::table::present(&game, m);
            let moved =
                at_table(&mut game, &mut seat.source, &mut input).map_err(|e| UserError {
                    text: format!("{}{}", e.text, of_role(&game, who, hot_seat)),
                    code: e.code,
                })?;
            if !moved {
                stopped = Some("Input ended; the game stops here, unfinished.".to_string());
                break;
            }
            continue;
        }
        let Progress::AwaitingChoice(id) = progress else {
            break;
        };
        present(&game, id);
        let option = match &mut seat.source {
            Source::AllHistorical => game
                .historical_or_first(id)
                .expect("a pending decision has an open option"),
            Source::List(list) => match list.next() {
                Some(Answer::Table(mv)) => {
                    return Err(UserError::usage(format!(
                        "error: --choices: `{mv:?}` is a table move, but the game waits at decision `{}`{}",
                        s_id(&game, id),
                        of_role(&game, who, hot_seat)
                    )));
                }
                None => {
                    stopped = Some(format!(
                        "The list of choices{} ran out at this decision; the game stops here, unfinished.",
                        of_role(&game, who, hot_seat)
                    ));
                    break;
                }
                Some(answer) => {
                    let option = resolve(&game, id, answer).map_err(|e| {
                        UserError::usage(format!("{}{}", e.text, of_role(&game, who, hot_seat)))
                    })?;
                    out(&format!("Your choice: {}\n", option + 1));
                    option
                }
            },
            Source::Prompt => match prompt(&game, id, &mut input) {
                Some(option) => option,
                None => {
                    stopped = Some("Input ended; the game stops here, unfinished.".to_string());
                    break;
                }
            },
        };
        game.choose(option)
            .map_err(|e| UserError::usage(format!("error: {e}")))?;
        reveal(&game, id, option);
    }
    if let Some(msg) = &stopped {
        out(&format!("\n{msg}\n"));
    }
    for seat in &mut seats {
        if let Source::List(rest) = &mut seat.source {
            let left = rest.count();
            if left > 0 && hot_seat && stopped.is_some() {
                eprintln!(
                    "notice: --choices: the last {left} value(s){} were not used; the game stopped first",
                    of_role(&game, seat.role, hot_seat),
                );
            } else if left > 0 {
                eprintln!(
                    "notice: --choices: the last {left} value(s){} were not used; the game had no more decisions for {}",
                    of_role(&game, seat.role, hot_seat),
                    if hot_seat { "that side" } else { "your side" }
                );
            }
        }
    }
    if hot_seat {
        out("\n\u{2500}\u{2500} THE DEBRIEF: EVERY DELEGATION\n");
        summary(&game);
        for seat in &seats {
            seat_summary(&game, seat.role);
        }
    } else {
        summary(&game);
    }
    if let Some(path) = &args.save {
        let record = if hot_seat {
            Record::of(&game)
        } else {
            Record::named(&game, names[0].as_deref().unwrap_or(""))
        };
        record.write(path).map_err(|e| {
            UserError::data(format!(
                "{}: error: cannot write the game record: {e}",
                path.display()
            ))
        })?;
        // A scenario read from a file must be named again for the debrief to find it.
        let scenario = args
            .scenario
            .as_deref()
            .map(|p| format!(" --scenario {}", shell_word(&p.display().to_string())))
            .unwrap_or_default();
        out(&format!(
            "Game record saved to {}. For the full comparison: panmunjom debrief {}{scenario}\n",
            path.display(),
            shell_word(&path.display().to_string())
        ));
    }
    Ok(ExitCode::SUCCESS)
}

/// ` (role un)` in hot-seat play, else nothing: which seat's list an error is about.
fn of_role(game: &Game, role: ActorId, hot_seat: bool) -> String {
    if hot_seat {
        format!(" (role `{}`)", game.scenario.actor(role).id)
    } else {
        String::new()
    }
}

/// The opening of a hot-seat game: the scenario and who plays which delegation.
fn table_of_seats(game: &Game, policy: Policy, seed: u64) {
    let s = &*game.scenario;
    let mut o = format!("{}\n\n", s.title.to_uppercase());
    o.push_str(&wrap(&s.summary, "", WIDTH));
    o.push_str(&format!(
        "\nHOT-SEAT: {} delegations at this terminal \u{b7} other sides: {} \u{b7} seed {seed}\n",
        game.seats().len(),
        policy.name()
    ));
    for seat in game.seats() {
        let name = seat
            .name
            .as_deref()
            .map(|n| format!(" \u{2014} {n}"))
            .unwrap_or_default();
        o.push_str(&format!("  {}{name}\n", s.actor(seat.role).name));
    }
    o.push_str(&wrap(
        "Each delegation sees only what its side knows. When the turn passes, the screen is cleared: hand the keyboard over.",
        "",
        WIDTH,
    ));
    o.push('\n');
    out(&o);
}

/// Between two people's turns: clears the screen (on a terminal) and asks the next
/// delegation to take the keyboard; waits for Enter when it types its moves. False
/// when input ends.
fn curtain(game: &Game, who: ActorId, wait: bool, input: &mut impl BufRead) -> bool {
    use std::io::IsTerminal;
    if std::io::stdout().is_terminal() {
        out("\x1b[2J\x1b[3J\x1b[H");
    }
    let actor = game.scenario.actor(who);
    let name = game
        .seats()
        .iter()
        .find(|s| s.role == who)
        .and_then(|s| s.name.as_deref())
        .map(|n| format!(" ({n})"))
        .unwrap_or_default();
    let mut o = format!(
        "\n\u{2550}\u{2550}\u{2550} Hand over to the delegation of {}{name}",
        actor.name
    );
    if wait {
        o.push_str(" \u{2014} press Enter when ready ");
        out(&o);
        let mut line = String::new();
        return matches!(input.read_line(&mut line), Ok(n) if n > 0);
    }
    o.push_str(" \u{2550}\u{2550}\u{2550}\n\n");
    out(&o);
    true
}

fn s_id(game: &Game, id: EntryId) -> String {
    game.scenario.entry(id).id().to_string()
}

/// The player at a meeting: moves from the list (until a token that is not a table
/// move: then it passes), all history's, or typed. False when typed input ends.
fn at_table(
    game: &mut Game,
    source: &mut Source,
    input: &mut impl BufRead,
) -> Result<bool, UserError> {
    match source {
        Source::AllHistorical => {
            for p in game.historical_here() {
                let _ = game.table_historical(p);
            }
            let _ = game.pass();
            Ok(true)
        }
        Source::List(list) => {
            while let Some(Answer::Table(mv)) = list.peek().cloned() {
                list.next();
                out(&format!("Your move: {mv:?}\n"));
                match super::table::apply(game, &mv) {
                    Ok(true) => return Ok(true),
                    Ok(false) => {}
                    Err(e) => {
                        return Err(UserError::usage(format!(
                            "error: --choices: at the table on {}: {e}",
                            game.state.date
                        )));
                    }
                }
            }
            let _ = game.pass();
            Ok(true)
        }
        Source::Prompt => super::table::prompt(game, input),
    }
}

fn briefing(s: &Scenario, role: ActorId, policy: Policy, seed: u64) {
    let actor = s.actor(role);
    let mut o = format!("{}\n\n", s.title.to_uppercase());
    o.push_str(&wrap(&s.summary, "", WIDTH));
    o.push_str(&format!(
        "\nYOUR ROLE: {} \u{b7} other sides: {} \u{b7} seed {seed}\n",
        actor.name,
        policy.name()
    ));
    if !actor.briefing.is_empty() {
        o.push_str(&wrap(&actor.briefing, "", WIDTH));
    }
    let objectives: Vec<_> = s.objectives.iter().filter(|o| o.role == role).collect();
    if !objectives.is_empty() {
        o.push_str("\nYour objectives:\n");
        for obj in objectives {
            o.push_str(&wrap_hanging(&obj.text, "  - ", "    ", WIDTH));
        }
    }
    o.push('\n');
    out(&o);
}

/// Prints the log entries from `from` that the side of `role` knows of
/// ([`Game::sees`]); returns the new length of the log.
fn show_log(game: &Game, from: usize, role: ActorId) -> usize {
    let s = &*game.scenario;
    let mut o = String::new();
    for entry in game.log[from..].iter().filter(|e| game.sees(role, e)) {
        match &entry.happening {
            Happening::Fired(id) => event_lines(&mut o, game, *id, ""),
            Happening::Report { event, .. } => {
                event_lines(
                    &mut o,
                    game,
                    *event,
                    &format!("INTELLIGENCE REPORT (received {}): ", entry.date),
                );
            }
            Happening::Armistice => {
                if let Some(a) = &game.state.armistice {
                    o.push_str(&format!(
                        "{}  {} CONCLUDED\n",
                        a.date,
                        s.agreement_noun().to_uppercase()
                    ));
                    for (issue, t) in s.issues.iter().zip(&a.terms) {
                        let label =
                            t.map_or("(not agreed)", |p| issue.positions[p.0].label.as_str());
                        o.push_str(&wrap(&format!("{}: {label}", issue.name), "    ", WIDTH));
                    }
                    o.push('\n');
                }
            }
            // The player's own decisions are shown as they are made (`present`, the
            // choice, `reveal`); nothing else passes `sees`.
            _ => {}
        }
    }
    out(&o);
    game.log.len()
}

fn event_lines(o: &mut String, game: &Game, id: EntryId, prefix: &str) {
    let s = &*game.scenario;
    let Entry::Event(e) = s.entry(id) else {
        return;
    };
    let cf = if e.counterfactual {
        " [counterfactual]"
    } else {
        ""
    };
    o.push_str(&format!(
        "{}  {prefix}{}{cf}\n",
        game.shown_date_text(id),
        game.event_title(id)
    ));
    let text = game.event_text(id);
    if !text.is_empty() {
        o.push_str(&wrap(text, "    ", WIDTH));
    }
    for f in game.figures_of(id) {
        o.push_str(&wrap(&format!("{}: {}", f.label, f.text()), "    ", WIDTH));
    }
    o.push_str(&format!("    Source: {}\n\n", s.cites_text(&e.sources)));
}

#[allow(
    clippy::expect_used,
    reason = "called only with the decision the game waits at: a failure is a bug"
)]
fn present(game: &Game, id: EntryId) {
    let s = &*game.scenario;
    let d = s.entry(id).as_decision().expect("pending is a decision");
    let open = game.open_options(id);
    let mut o = format!(
        "\u{2500}\u{2500} DECISION \u{2014} {} \u{2014} {}\n",
        game.shown_date_text(id),
        d.title
    );
    let context = game.context_of(id);
    if !context.is_empty() {
        o.push_str(&wrap(context, "", WIDTH));
    }
    o.push_str(&wrap(&d.prompt, "", WIDTH));
    for (i, opt) in d.options.iter().enumerate() {
        let closed = if open.contains(&i) {
            ""
        } else {
            " (not open in this situation)"
        };
        o.push_str(&format!("  {}) {}{closed}\n", i + 1, opt.label));
        let text = game.option_text(id, i);
        if !text.is_empty() {
            o.push_str(&wrap(text, "       ", WIDTH));
        }
    }
    out(&o);
}

#[allow(
    clippy::expect_used,
    reason = "called only with the decision the game waits at, which has an open option: a failure is a bug"
)]
fn resolve(game: &Game, id: EntryId, answer: Answer) -> Result<usize, UserError> {
    let d = game.scenario.entry(id).as_decision().expect("decision");
    match answer {
        Answer::Table(_) => Err(UserError::usage(format!(
            "error: --choices: a table move where decision `{}` waits",
            d.id
        ))),
        Answer::Historical => Ok(game
            .historical_or_first(id)
            .expect("a pending decision has an open option")),
        Answer::Number(n) => {
            let open = game.open_options(id);
            if n > d.options.len() {
                Err(UserError::usage(format!(
                    "error: --choices: decision `{}` has {} options, not {n}",
                    d.id,
                    d.options.len()
                )))
            } else if !open.contains(&(n - 1)) {
                Err(UserError::usage(format!(
                    "error: --choices: option {n} of decision `{}` is not open in this situation",
                    d.id
                )))
            } else {
                Ok(n - 1)
            }
        }
    }
}

/// Asks until a valid option number is typed; None at end of input or `q`.
#[allow(
    clippy::expect_used,
    reason = "called only with the decision the game waits at: a failure is a bug"
)]
fn prompt(game: &Game, id: EntryId, input: &mut impl BufRead) -> Option<usize> {
    let d = game.scenario.entry(id).as_decision().expect("decision");
    let open = game.open_options(id);
    loop {
        out(&format!(
            "Your choice [1-{}] (q to stop): ",
            d.options.len()
        ));
        let mut line = String::new();
        match input.read_line(&mut line) {
            Ok(0) | Err(_) => return None,
            Ok(_) => {}
        }
        let answer = line.trim();
        if answer.eq_ignore_ascii_case("q") {
            return None;
        }
        match answer.parse::<usize>() {
            Ok(n) if n >= 1 && open.contains(&(n - 1)) => return Some(n - 1),
            Ok(n) if n >= 1 && n <= d.options.len() => {
                out("That option is not open in this situation.\n");
            }
            _ => out(&format!(
                "Please type a number from 1 to {}.\n",
                d.options.len()
            )),
        }
    }
}

/// After a choice: what the real side did, why, and the source.
#[allow(
    clippy::expect_used,
    reason = "called only after a choice at a decision: a failure is a bug"
)]
fn reveal(game: &Game, id: EntryId, option: usize) {
    let s = &*game.scenario;
    let d = s.entry(id).as_decision().expect("decision");
    let Some(h) = d.historical_option() else {
        out(
            "History: this decision did not arise (a counterfactual decision: there is no historical choice to compare).\n\n",
        );
        return;
    };
    let mut o = String::new();
    if Some(option) == d.historical {
        o.push_str(&format!("History: the same \u{2014} {}\n", h.label));
    } else {
        o.push_str(&format!(
            "History: the real side chose otherwise \u{2014} {}\n",
            h.label
        ));
    }
    if let Some(note) = &h.historical {
        o.push_str(&wrap(&format!("Why: {}", note.note), "  ", WIDTH));
        for c in &note.sources {
            o.push_str(&format!("  Source: {}\n", s.cite_text(c)));
            if let Some(q) = &c.quote {
                o.push_str(&wrap(&format!("\u{201c}{q}\u{201d}"), "    ", WIDTH));
            }
        }
    }
    o.push('\n');
    out(&o);
}

fn summary(game: &Game) {
    let d = Debrief::new(game);
    let mut o = String::from("\u{2500}\u{2500} RESULT\n");
    let out_view = &d.outcome;
    match (out_view.armistice_date, out_view.days_from_history) {
        (Some(date), Some(days)) => o.push_str(&format!(
            "{} signed {date} (history: {}, {}).\n",
            out_view.noun_capitalised(),
            out_view.historical_date,
            days_text(days)
        )),
        _ => o.push_str(&format!(
            "{}. {}\n",
            report::game_outcome(out_view, ""),
            report::history_outcome(out_view)
        )),
    }
    let v = d.divergence;
    o.push_str(&format!(
        "Divergence score: {} ({})\n",
        v.total,
        v.parts_text()
    ));
    out(&o);
}

/// In the hot-seat debrief: one delegation's decisions beside history's, and its
/// objectives.
fn seat_summary(game: &Game, role: ActorId) {
    let d = Debrief::of_seat(game, role);
    let mut o = format!("\n{}\n", d.role_name.to_uppercase());
    let rows: Vec<_> = d
        .player_decisions()
        .filter(|r| r.chosen.is_some())
        .collect();
    let same = rows.iter().filter(|r| r.same).count();
    o.push_str(&format!(
        "  {} decision(s) taken, {same} as history took them.\n",
        rows.len()
    ));
    for r in &rows {
        let mark = if r.same { "=" } else { "\u{2260}" };
        o.push_str(&wrap_hanging(
            &format!(
                "{} {}: {} {mark} history: {}",
                r.date_text,
                r.title,
                r.chosen_label.as_deref().unwrap_or("-"),
                r.historical_label
            ),
            "  - ",
            "    ",
            WIDTH,
        ));
    }
    for obj in d.objectives.iter().filter(|o| o.role == d.role) {
        let met = if obj.met { "met" } else { "not met" };
        o.push_str(&wrap_hanging(
            &format!("Objective ({met}): {}", obj.text),
            "  - ",
            "    ",
            WIDTH,
        ));
    }
    out(&o);
}

/// A path as one shell word: as it is when it holds only plain characters, else in
/// single quotes (a quote inside written `'\''`), so that the printed command can be
/// pasted as it stands.
fn shell_word(text: &str) -> String {
    let plain = !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./+:@%,=".contains(c));
    if plain {
        text.to_string()
    } else {
        format!("'{}'", text.replace('\'', "'\\''"))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn choices_list_parses_numbers_h_and_historical() {
        assert_eq!(parse_choices("historical").unwrap(), None);
        assert_eq!(
            parse_choices("1, 2,h").unwrap(),
            Some(vec![
                Answer::Number(1),
                Answer::Number(2),
                Answer::Historical
            ])
        );
        use crate::cli::table::Move;
        assert_eq!(
            parse_choices("1,table:custody=india_sole,explanations=ninety_days,accept:2,pass,h")
                .unwrap(),
            Some(vec![
                Answer::Number(1),
                Answer::Table(Move::Table(
                    "custody=india_sole,explanations=ninety_days".into()
                )),
                Answer::Table(Move::Accept(Some(2))),
                Answer::Table(Move::Pass),
                Answer::Historical
            ])
        );
        assert!(parse_choices("accept:0").is_err());
        assert!(parse_choices("1,x").is_err());
        assert!(parse_choices("0").is_err());
    }
}
