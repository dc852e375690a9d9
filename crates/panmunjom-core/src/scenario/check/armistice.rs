//! The armistice: its parties (each with a stance on every issue), its requirement,
//! and the historical armistice's terms (one per issue).

use super::{Checker, Item};
use crate::scenario::{ArmisticeRules, IssueId, PosId};

impl Checker<'_> {
    pub(super) fn armistice(&mut self) -> ArmisticeRules {
        let raw = &self.raw.armistice;
        let item = Item {
            kind: "armistice",
            id: "armistice",
        };
        let parties = self.actor_list(item, "parties", &raw.parties);
        if parties.is_empty() {
            self.problem(item, "parties", "an armistice needs at least one party");
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
        self.armistice_dates(item);
        let h = &raw.historical;
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
        ArmisticeRules {
            parties,
            requires: self.opt_cond(item, "requires", &raw.requires),
            signing_after_days: raw.signing_after_days,
            historical_date: h.date.0,
            historical_terms_date: h.terms_date.0,
            historical_terms: terms.into_iter().map(|t| t.unwrap_or(PosId(0))).collect(),
            sources: self.cites(item, "historical.sources", &h.sources),
        }
    }
}
