//! The table in terminal play: what is on it at a meeting, the player's moves typed at
//! the prompt or given in `--choices` (`table:issue=position,…`, `accept`, `reject`,
//! `history`, `pass`), and the other sides' answers with their reasons.

use std::io::BufRead;

use super::{UserError, out};
use crate::engine::Game;
use crate::engine::table::parse_terms;
use crate::report::wrap;
use crate::scenario::{MeetingId, Scenario};

const WIDTH: usize = 88;

/// A move at the table, from `--choices` or typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Move {
    /// `table:issue=position,…` (the text after `table:`).
    Table(String),
    /// `accept` / `accept:N` (N: the offer's number as shown, from 1).
    Accept(Option<usize>),
    /// `reject` / `reject:N`.
    Reject(Option<usize>),
    /// `history`: table what history tabled at this meeting.
    History,
    /// `pass`: leave the meeting.
    Pass,
}

/// A token of `--choices` as a table move, if it is one.
pub fn parse_move(tok: &str) -> Option<Result<Move, String>> {
    let lower = tok.trim().to_ascii_lowercase();
    let numbered = |rest: &str, f: fn(Option<usize>) -> Move| -> Result<Move, String> {
        if rest.is_empty() {
            return Ok(f(None));
        }
        rest.parse::<usize>()
            .ok()
            .filter(|&n| n >= 1)
            .map(|n| f(Some(n)))
            .ok_or_else(|| format!("`{tok}`: the offer's number comes after the colon (1, 2, …)"))
    };
    if let Some(rest) = lower.strip_prefix("table:") {
        return Some(Ok(Move::Table(rest.to_string())));
    }
    match lower.as_str() {
        "pass" => return Some(Ok(Move::Pass)),
        "history" => return Some(Ok(Move::History)),
        _ => {}
    }
    if let Some(rest) = lower.strip_prefix("accept") {
        return Some(numbered(rest.trim_start_matches(':'), Move::Accept));
    }
    if let Some(rest) = lower.strip_prefix("reject") {
        return Some(numbered(rest.trim_start_matches(':'), Move::Reject));
    }
    None
}

/// Shows the meeting: the session, the offers open to the player, its own positions.
pub fn present(game: &Game, m: MeetingId) {
    let s = &*game.scenario;
    let meeting = s.meeting(m);
    let session = s.session(meeting.session);
    let mut o = format!(
        "\u{2500}\u{2500} AT THE TABLE \u{2014} {} \u{2014} {}\n",
        meeting.date, session.name
    );
    let offers = game.open_offers();
    for (n, &i) in offers.iter().enumerate() {
        let t = &game.table_history()[i];
        let what = t
            .historical
            .map_or_else(|| "a proposal".to_string(), |p| s.proposal(p).title.clone());
        o.push_str(&format!(
            "  Offer {}: {} \u{2014} {what} ({})\n",
            n + 1,
            s.actor(t.author).name,
            t.date
        ));
        o.push_str(&terms_lines(s, &t.terms));
    }
    let role = game.turn().unwrap_or(game.setup.role);
    o.push_str("  Your side holds:\n");
    for (i, issue) in s.issues.iter().enumerate() {
        if let Some(p) = game.state.positions[role.0][i] {
            o.push_str(&format!(
                "    {} = {} ({})\n",
                issue.id, issue.positions[p.0].id, issue.positions[p.0].label
            ));
        }
    }
    let can = if game.may_table() {
        format!(
            "table a package (`t issue=position,…`; {} round(s) left), ",
            game.rounds_left()
        )
    } else {
        String::new()
    };
    let answer = if offers.is_empty() {
        ""
    } else {
        "accept or reject an offer (`a 1`, `r 1`), "
    };
    let history = if game.historical_here().is_empty() {
        ""
    } else {
        "table history's proposal (`h`), "
    };
    o.push_str(&wrap(
        &format!("You may {can}{answer}{history}or pass (`p`, or an empty line)."),
        "",
        WIDTH,
    ));
    out(&o);
}

fn terms_lines(s: &Scenario, terms: &[Option<crate::scenario::PosId>]) -> String {
    let mut o = String::new();
    for (i, t) in terms.iter().enumerate() {
        if let Some(p) = t {
            o.push_str(&wrap(
                &format!("{}: {}", s.issues[i].name, s.issues[i].positions[p.0].label),
                "      ",
                WIDTH,
            ));
        }
    }
    o
}

/// Prints the answers to the proposal at `index` and any counter-proposal after it.
fn show_answers(game: &Game, index: usize) {
    let s = &*game.scenario;
    let mut o = String::new();
    for t in &game.table_history()[index..] {
        if t.counter_to.is_some() {
            o.push_str(&format!(
                "  Counter-proposal by {} (now open to you):\n",
                s.actor(t.author).name
            ));
            o.push_str(&terms_lines(s, &t.terms));
            continue;
        }
        for a in &t.answers {
            let reply = a.reply.map_or("no answer yet", |r| r.word());
            o.push_str(&wrap(
                &format!(
                    "{}: {reply} \u{2014} {}",
                    s.actor(a.actor).name,
                    a.reason.text(s)
                ),
                "  ",
                WIDTH,
            ));
        }
        if t.agreed {
            o.push_str("  Every party accepts: the terms are agreed.\n");
        }
    }
    out(&o);
}

/// Makes one move; Ok(true) when the player leaves the meeting.
pub fn apply(game: &mut Game, mv: &Move) -> Result<bool, String> {
    let offer = |game: &Game, n: Option<usize>| -> Result<usize, String> {
        let offers = game.open_offers();
        let k = n.unwrap_or(1);
        offers
            .get(k - 1)
            .copied()
            .ok_or_else(|| format!("there is no offer {k} open to you here"))
    };
    match mv {
        Move::Pass => {
            let _ = game.pass();
            return Ok(true);
        }
        Move::Table(text) => {
            let terms = parse_terms(&game.scenario, text)?;
            let i = game.table(terms).map_err(|e| e.to_string())?;
            show_answers(game, i);
        }
        Move::History => {
            let Some(&p) = game.historical_here().first() else {
                return Err("history tabled nothing for your side at this meeting".into());
            };
            let i = game.table_historical(p).map_err(|e| e.to_string())?;
            out(&format!("You table: {}\n", game.scenario.proposal(p).title));
            show_answers(game, i);
        }
        Move::Accept(n) => {
            let i = offer(game, *n)?;
            game.accept(i).map_err(|e| e.to_string())?;
            let agreed = game.table_history()[i].agreed;
            out(if agreed {
                "You accept; every party accepts: the terms are agreed.\n"
            } else {
                "You accept; not every party does, and the terms are not agreed.\n"
            });
        }
        Move::Reject(n) => {
            let i = offer(game, *n)?;
            game.reject(i).map_err(|e| e.to_string())?;
            out("You reject the offer.\n");
        }
    }
    Ok(false)
}

/// Reads moves at the prompt until the player passes; false at end of input or `q`.
pub fn prompt(game: &mut Game, input: &mut impl BufRead) -> Result<bool, UserError> {
    loop {
        out("Table move (t issue=position,… / a N / r N / h / p; q to stop): ");
        let mut line = String::new();
        match input.read_line(&mut line) {
            Ok(0) | Err(_) => return Ok(false),
            Ok(_) => {}
        }
        let typed = line.trim();
        let mv = match typed.split_once(' ') {
            _ if typed.eq_ignore_ascii_case("q") => return Ok(false),
            _ if typed.is_empty() || typed.eq_ignore_ascii_case("p") => Move::Pass,
            _ if typed.eq_ignore_ascii_case("h") => Move::History,
            Some(("t", rest)) => Move::Table(rest.to_string()),
            Some(("a", n)) => Move::Accept(n.trim().parse().ok()),
            Some(("r", n)) => Move::Reject(n.trim().parse().ok()),
            _ if typed.eq_ignore_ascii_case("a") => Move::Accept(None),
            _ if typed.eq_ignore_ascii_case("r") => Move::Reject(None),
            _ => match parse_move(typed) {
                Some(Ok(m)) => m,
                _ => {
                    out("Not a table move.\n");
                    continue;
                }
            },
        };
        match apply(game, &mv) {
            Ok(true) => return Ok(true),
            Ok(false) => {
                if !game.may_table() && game.open_offers().is_empty() {
                    let _ = game.pass();
                    return Ok(true);
                }
            }
            Err(e) => out(&format!("{e}\n")),
        }
    }
}
