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
use crate::engine::{Game, Happening, Policy, Progress, Setup};
use crate::record::Record;
use crate::report::{self, days_text, wrap, wrap_hanging};
use crate::scenario::{ActorId, Entry, EntryId, Scenario};

const WIDTH: usize = 88;

pub struct Args {
    pub role: String,
    pub scenario: Option<PathBuf>,
    pub seed: u64,
    pub policy: Policy,
    pub choices: Option<String>,
    pub save: Option<PathBuf>,
    /// The player's or group's name for the record.
    pub name: Option<String>,
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

#[allow(
    clippy::expect_used,
    reason = "the game waits only at a decision with an open option: a failure is a bug"
)]
pub fn run(args: Args) -> Result<ExitCode, UserError> {
    let scenario = crate::scenario::load(args.scenario.as_deref())?;
    let role = scenario.role_by_name(&args.role)?;
    let mut source = match args.choices.as_deref().map(parse_choices).transpose()? {
        None => Source::Prompt,
        Some(None) => Source::AllHistorical,
        Some(Some(list)) => Source::List(list.into_iter().peekable()),
    };
    let mut game = Game::new(
        Arc::clone(&scenario),
        Setup {
            role,
            policy: args.policy,
            seed: args.seed,
        },
    );
    briefing(&scenario, role, args.policy, args.seed);
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    let mut shown = 0;
    let mut stopped: Option<String> = None;
    loop {
        let progress = game.advance();
        shown = show_log(&game, shown);
        if let Progress::AtTable(m) = progress {
            super::table::present(&game, m);
            if !at_table(&mut game, &mut source, &mut input)? {
                stopped = Some("Input ended; the game stops here, unfinished.".to_string());
                break;
            }
            continue;
        }
        let Progress::AwaitingChoice(id) = progress else {
            break;
        };
        present(&game, id);
        let option = match &mut source {
            Source::AllHistorical => game
                .historical_or_first(id)
                .expect("a pending decision has an open option"),
            Source::List(list) => match list.next() {
                Some(Answer::Table(mv)) => {
                    return Err(UserError::usage(format!(
                        "error: --choices: `{mv:?}` is a table move, but the game waits at decision `{}`",
                        s_id(&game, id)
                    )));
                }
                None => {
                    stopped = Some(
                        "The list of choices ran out at this decision; the game stops here, unfinished."
                            .to_string(),
                    );
                    break;
                }
                Some(answer) => {
                    let option = resolve(&game, id, answer)?;
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
    if let Source::List(rest) = &mut source {
        let left = rest.count();
        if left > 0 {
            eprintln!(
                "notice: --choices: the last {left} value(s) were not used; the game had no more decisions for your side"
            );
        }
    }
    summary(&game);
    if let Some(path) = &args.save {
        Record::named(&game, args.name.as_deref().unwrap_or(""))
            .write(path)
            .map_err(|e| {
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

/// Prints the log entries from `from` that the player's side knows of
/// ([`Game::player_sees`]); returns the new length of the log.
fn show_log(game: &Game, from: usize) -> usize {
    let s = &*game.scenario;
    let mut o = String::new();
    for entry in game.log[from..].iter().filter(|e| game.player_sees(e)) {
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
            // choice, `reveal`); nothing else passes `player_sees`.
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
        s.entry(id).date_text(),
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
        s.entry(id).date_text(),
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
