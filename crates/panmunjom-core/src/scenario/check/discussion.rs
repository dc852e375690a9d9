//! For the teacher: discussion questions on events and decisions, and the scenario's
//! learning goals (optional; each question names its sources).

use super::{Checker, Item};
use crate::scenario::Question;
use crate::scenario::raw::RawQuestion;

impl Checker<'_> {
    /// The discussion questions of an event or a decision: a question that is not
    /// empty, and at least one source (quotes checked like every citation).
    pub(super) fn discussion(&mut self, item: Item, list: &[RawQuestion]) -> Vec<Question> {
        list.iter()
            .enumerate()
            .map(|(n, q)| {
                let field = |f: &str| format!("discussion.{}.{f}", n + 1);
                if q.question.trim().is_empty() {
                    self.problem(item, &field("question"), "the question is empty");
                }
                if q.sources.is_empty() {
                    self.problem(
                        item,
                        &field("sources"),
                        "a discussion question must cite at least one source (where the class can read about it)",
                    );
                }
                Question {
                    question: q.question.clone(),
                    background: q.background.clone(),
                    sources: self.cites(item, &field("sources"), &q.sources),
                }
            })
            .collect()
    }

    /// The scenario's learning goals: none may be empty.
    pub(super) fn learning_goals(&mut self, top: Item) -> Vec<String> {
        let goals = &self.raw.learning_goals;
        for (n, g) in goals.iter().enumerate() {
            if g.trim().is_empty() {
                self.problem(
                    top,
                    &format!("learning_goals.{}", n + 1),
                    "the learning goal is empty",
                );
            }
        }
        goals.clone()
    }
}
