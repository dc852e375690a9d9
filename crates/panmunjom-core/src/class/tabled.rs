//! The proposals a class tabled at the table, counted per side and package, with how
//! the other sides answered them, beside the scenario's historical proposals.

use serde::Serialize;

use crate::engine::{Decider, Game};
use crate::scenario::{IssueId, Scenario};

/// The table in the class report.
#[derive(Debug, Clone, Serialize)]
pub struct ClassTable {
    /// The packages players tabled in their own words, the most frequent first.
    pub packages: Vec<TabledPackage>,
    /// The scenario's historical proposals, in date order.
    pub historical: Vec<HistoricalProposal>,
}

/// One package of terms tabled by players of one side, and what became of it.
#[derive(Debug, Clone, Serialize)]
pub struct TabledPackage {
    pub role: String,
    pub role_name: String,
    /// One label per issue; None where the package left the issue open.
    pub terms: Vec<Option<String>>,
    /// Times tabled, and in how many games.
    pub count: usize,
    pub games: usize,
    /// Times every party accepted it.
    pub agreed: usize,
    /// The answers: (side's name, reply word, how many).
    pub answers: Vec<(String, String, usize)>,
    /// The historical proposal of that side with the same terms, if there is one.
    pub as_history: Option<String>,
}

/// One historical proposal, and how often players tabled it as it was.
#[derive(Debug, Clone, Serialize)]
pub struct HistoricalProposal {
    pub title: String,
    pub date_text: String,
    pub author_name: String,
    /// One label per issue; None where it left the issue open.
    pub terms: Vec<Option<String>>,
    /// Times players tabled it (the `historical` table move).
    pub tabled_by_class: usize,
}

pub(super) fn class_table(s: &Scenario, games: &[&Game]) -> ClassTable {
    let labels = |terms: &[Option<crate::scenario::PosId>]| -> Vec<Option<String>> {
        terms
            .iter()
            .enumerate()
            .map(|(i, p)| p.map(|p| s.position_label(IssueId(i), p).to_string()))
            .collect()
    };
    let mut packages: Vec<TabledPackage> = Vec::new();
    let mut historical: Vec<HistoricalProposal> = s
        .proposals
        .iter()
        .map(|p| HistoricalProposal {
            title: p.title.clone(),
            date_text: p.date_text(),
            author_name: s.actor(p.author).name.clone(),
            terms: labels(&p.terms),
            tabled_by_class: 0,
        })
        .collect();
    for g in games {
        // Every seat's packages (one seat: the player's; hot-seat or network: each).
        let mine = g
            .table_history()
            .iter()
            .filter(|t| g.is_seated(t.author) && t.by == Decider::Player);
        let mut counted: Vec<usize> = Vec::new();
        for t in mine {
            let role = t.author;
            if let Some(p) = t.historical {
                historical[p.0].tabled_by_class += 1;
                continue;
            }
            let terms = labels(&t.terms);
            let role_id = s.actor(role).id.clone();
            let k = match packages
                .iter()
                .position(|p| p.role == role_id && p.terms == terms)
            {
                Some(k) => k,
                None => {
                    packages.push(TabledPackage {
                        role: role_id,
                        role_name: s.actor(role).name.clone(),
                        as_history: s
                            .proposals
                            .iter()
                            .find(|p| p.author == role && p.terms == t.terms)
                            .map(|p| p.title.clone()),
                        terms,
                        count: 0,
                        games: 0,
                        agreed: 0,
                        answers: Vec::new(),
                    });
                    packages.len() - 1
                }
            };
            let p = &mut packages[k];
            p.count += 1;
            p.agreed += usize::from(t.agreed);
            if !counted.contains(&k) {
                counted.push(k);
                p.games += 1;
            }
            for a in &t.answers {
                let who = s.actor(a.actor).name.clone();
                let word = a.reply.map_or("no answer", |r| r.word()).to_string();
                match p.answers.iter_mut().find(|x| x.0 == who && x.1 == word) {
                    Some(x) => x.2 += 1,
                    None => p.answers.push((who, word, 1)),
                }
            }
        }
    }
    packages.sort_by(|a, b| b.count.cmp(&a.count).then(a.role.cmp(&b.role)));
    ClassTable {
        packages,
        historical,
    }
}
