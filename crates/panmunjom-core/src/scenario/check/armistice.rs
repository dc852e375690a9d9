//! The armistice (or whatever the scenario's `noun` calls its agreement): its parties
//! (each with a stance on every issue), its requirement, and how history ended — the
//! historical agreement's terms (one per issue), or talks that ended without one.

use super::{Checker, Item};
use crate::scenario::raw::RawHistoricalArmistice;
use crate::scenario::{ArmisticeRules, Cite, IssueId, PosId};

/// The agreement's name when the scenario gives none.
pub const DEFAULT_NOUN: &str = "armistice";

impl Checker<'_> {
    pub(super) fn armistice(&mut self) -> ArmisticeRules {
        let raw = &self.raw.armistice;
        let item = Item {
            kind: "armistice",
            id: "armistice",
        };
        let noun = match raw.noun.as_deref().map(str::trim) {
            None => DEFAULT_NOUN.to_string(),
            Some("") => {
                self.problem(
                    item,
                    "noun",
                    "the noun is empty: name what the parties are trying to reach (\"armistice\", \"settlement\"…) or leave `noun` out",
                );
                DEFAULT_NOUN.to_string()
            }
            Some(noun) => noun.to_string(),
        };
        let parties = self.actor_list(item, "parties", &raw.parties);
        if parties.is_empty() {
            self.problem(
                item,
                "parties",
                format!("the {noun} needs at least one party"),
            );
        }
        for &party in &parties {
            let actor = &self.raw.actors[party.0];
            for issue in &self.raw.issues {
                if !actor.stances.iter().any(|s| s.issue == issue.id) {
                    let message = format!(
                        "party `{}` has no stance on issue `{}`: every party needs a position and a limit on every issue",
                        actor.id, issue.id
                    );
                    self.problem(item, "parties", message);
                }
            }
        }
        let requires = self.opt_cond(item, "requires", &raw.requires);
        let (date, terms_date, terms, end, sources) = match (&raw.historical, &raw.no_agreement) {
            (Some(h), None) => {
                self.armistice_dates(item, &noun);
                let terms = self.historical_terms(item, h);
                let sources = self.cites(item, "historical.sources", &h.sources);
                (h.date.0, h.terms_date.0, Some(terms), None, sources)
            }
            (None, Some(n)) => {
                self.no_agreement_date(item, n.date);
                if n.how.trim().is_empty() {
                    self.problem(
                        item,
                        "no_agreement.how",
                        "say in a sentence how the talks ended",
                    );
                }
                if n.sources.is_empty() {
                    self.problem(
                        item,
                        "no_agreement.sources",
                        "the end of the talks must cite at least one source",
                    );
                }
                let sources = self.cites(item, "no_agreement.sources", &n.sources);
                (n.date.0, n.date.0, None, Some(n.how.clone()), sources)
            }
            (Some(_), Some(_)) => {
                self.problem(
                    item,
                    "no_agreement",
                    format!(
                        "give either `historical` (the {noun} as it happened) or `no_agreement` (talks that ended without one), not both"
                    ),
                );
                (
                    self.raw.end.0,
                    self.raw.end.0,
                    None,
                    None,
                    Vec::<Cite>::new(),
                )
            }
            (None, None) => {
                self.problem(
                    item,
                    "historical",
                    format!(
                        "say how history ended: `historical: (date: …, terms_date: …, terms: […], sources: […])` for the {noun} as it happened, or `no_agreement: (date: …, how: \"…\", sources: […])` for talks that ended without one"
                    ),
                );
                (self.raw.end.0, self.raw.end.0, None, None, Vec::new())
            }
        };
        ArmisticeRules {
            noun,
            parties,
            requires,
            signing_after_days: raw.signing_after_days,
            historical_date: date,
            historical_terms_date: terms_date,
            historical_terms: terms,
            historical_end: end,
            sources,
        }
    }

    /// The historical terms, one position per issue.
    fn historical_terms(&mut self, item: Item, h: &RawHistoricalArmistice) -> Vec<PosId> {
        let mut terms: Vec<Option<PosId>> = vec![None; self.raw.issues.len()];
        for (issue, pos) in &h.terms {
            if let Some(i) = self.resolve::<IssueId>(item, "historical.terms", issue) {
                if terms[i.0].is_some() {
                    self.problem(
                        item,
                        "historical.terms",
                        format!("issue `{issue}` appears twice"),
                    );
                }
                terms[i.0] = self.pos_ref(item, "historical.terms", i, pos);
            }
        }
        for (i, t) in terms.iter().enumerate() {
            if t.is_none()
                && !h
                    .terms
                    .iter()
                    .any(|(issue, _)| issue == &self.raw.issues[i].id)
            {
                let id = self.raw.issues[i].id.clone();
                self.problem(
                    item,
                    "historical.terms",
                    format!("no historical term for issue `{id}`"),
                );
            }
        }
        terms.into_iter().map(|t| t.unwrap_or(PosId(0))).collect()
    }
}
