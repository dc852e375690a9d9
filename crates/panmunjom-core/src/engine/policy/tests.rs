//! The policies, on a small decision whose options' scores are worked out by hand.

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

use super::{PAST_LIMIT, Policy, decide, score};
use crate::engine::{Decider, State};
use crate::scenario::{IssueId, PosId};
use crate::testkit::{actor, entry, scenario};

/// North decides. Its interests: cost −1 a point, trust +2 a point; prisoners weight 3
/// from `all` (limit `some`); settle 5. So: `pay` −10, `trust` +10, `step` −3 (one
/// step from its ideal), `leap` −6 and past its limit.
const OFFER: &str = r#"
    Decision(id: "offer", role: "north", date: "1952-02-04", title: "An offer", prompt: "What now?",
      options: [
        (id: "pay", label: "Pay", effects: [Add("cost", 10)]),
        (id: "trust", label: "Build trust", effects: [Add("trust", 5)]),
        (id: "step", label: "One step", effects: [Move("north", "prisoners", "some")], REQUIRES
         historical: (note: "So it was.", sources: [(source: "Notes")])),
        (id: "leap", label: "Two steps", effects: [Move("north", "prisoners", "willing")]),
      ]),
"#;

fn offer(requires: &str) -> std::sync::Arc<crate::scenario::Scenario> {
    scenario(&OFFER.replace("REQUIRES", requires))
}

#[test]
fn the_adaptive_score_weighs_interests_steps_limits_and_settling() {
    let s = offer("");
    let (north, id) = (actor(&s, "north"), entry(&s, "offer"));
    let st = State::initial(&s);
    let scores: Vec<i64> = (0..4).map(|o| score(&s, &st, north, id, o)).collect();
    assert_eq!(scores, vec![-10, 10, -3, -6 + PAST_LIMIT]);
    // Once south stands at `some`, north's step there brings the prisoners issue to
    // agreement: settle 5 more.
    let mut st = st;
    st.positions[actor(&s, "south").0][IssueId(0).0] = Some(PosId(1));
    assert_eq!(score(&s, &st, north, id, 2), -3 + 5);
    // A step back toward its ideal is a gain.
    st.positions[north.0][0] = Some(PosId(1));
    let back = scenario(&OFFER.replace("REQUIRES", "").replacen(
        r#"Add("cost", 10)"#,
        r#"Move("north", "prisoners", "all")"#,
        1,
    ));
    assert_eq!(
        score(&back, &st, north, id, 0),
        3 - 5,
        "one step back, agreement broken"
    );
}

#[test]
fn adaptive_takes_the_best_scored_option_and_historical_takes_history() {
    let s = offer("");
    let id = entry(&s, "offer");
    let st = State::initial(&s);
    let mut rng = ChaCha8Rng::seed_from_u64(3);
    let open = [0, 1, 2, 3];
    assert_eq!(
        decide(&s, &st, &mut rng, Policy::Adaptive, id, &open),
        (1, Decider::Adaptive)
    );
    assert_eq!(
        decide(&s, &st, &mut rng, Policy::Historical, id, &open),
        (2, Decider::Historical)
    );
    // Only the open options compete.
    assert_eq!(
        decide(&s, &st, &mut rng, Policy::Adaptive, id, &[3, 0, 2]),
        (2, Decider::Adaptive)
    );
}

#[test]
fn historical_decides_as_adaptive_when_history_is_closed() {
    let s = offer(r#"requires: Not(Flag("talks")),"#);
    let id = entry(&s, "offer");
    let st = State::initial(&s);
    let g = crate::engine::Game::new(
        s.clone(),
        crate::engine::Setup {
            role: actor(&s, "south"),
            policy: Policy::Historical,
            seed: 0,
        },
    );
    let open = g.open_options(id);
    assert_eq!(open, vec![0, 1, 3], "`step` requires the talks suspended");
    let mut rng = ChaCha8Rng::seed_from_u64(3);
    assert_eq!(
        decide(&s, &st, &mut rng, Policy::Historical, id, &open),
        (1, Decider::Adaptive)
    );
}

#[test]
fn equal_scores_go_to_the_option_listed_first() {
    let s = scenario(
        r#"
        Decision(id: "idle", role: "north", date: "1952-02-04", title: "Idle", prompt: "Wait or sit?",
          options: [
            (id: "wait", label: "Wait"),
            (id: "sit", label: "Sit", historical: (note: "It sat.", sources: [(source: "Notes")])),
          ]),
        "#,
    );
    let id = entry(&s, "idle");
    let st = State::initial(&s);
    let mut rng = ChaCha8Rng::seed_from_u64(0);
    assert_eq!(
        decide(&s, &st, &mut rng, Policy::Adaptive, id, &[0, 1]),
        (0, Decider::Adaptive)
    );
}
