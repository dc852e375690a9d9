//! Hand-checked toy spaces for the bargaining analysis.

use super::*;

/// Two parties, two issues of three positions each.
/// A: ideal (0, 0), weights (2, 1); B: ideal (2, 2), weights (1, 2).
fn toy(limit_a: (usize, usize), limit_b: (usize, usize)) -> Model {
    let actor = |id: usize, ideal: (usize, usize), limit: (usize, usize), w: (i64, i64)| {
        let row = |x: usize, w: i64| -> Vec<i64> {
            (0..3usize)
                .map(|p| w * (2 - p.abs_diff(x) as i64))
                .collect()
        };
        let table = vec![row(ideal.0, w.0), row(ideal.1, w.1)];
        let disagreement = table[0][limit.0] + table[1][limit.1];
        let best = table[0][ideal.0] + table[1][ideal.1];
        ActorModel {
            actor: ActorId(id),
            party: true,
            accept: vec![
                (ideal.0.min(limit.0), ideal.0.max(limit.0)),
                (ideal.1.min(limit.1), ideal.1.max(limit.1)),
            ],
            ideal: vec![Some(ideal.0), Some(ideal.1)],
            limit: vec![Some(limit.0), Some(limit.1)],
            table,
            disagreement,
            best,
        }
    };
    Model {
        radix: vec![3, 3],
        actors: vec![
            actor(0, (0, 0), limit_a, (2, 1)),
            actor(1, (2, 2), limit_b, (1, 2)),
        ],
        parties: vec![0, 1],
    }
}

#[test]
fn toy_utilities_frontier_and_nash_by_hand() {
    // utilities (A, B) of deal (p0, p1), index 3·p0 + p1:
    // (0,0) 6,0  (0,1) 5,2  (0,2) 4,4  (1,0) 4,1  (1,1) 3,3  (1,2) 2,5
    // (2,0) 2,2  (2,1) 1,4  (2,2) 0,6
    let a = analyze_model(toy((2, 2), (0, 0))).expect("small space");
    assert_eq!(a.model.size(), 9);
    assert_eq!(a.party_utilities(&[1, 2]), vec![2, 5]);
    assert_eq!(a.frontier, vec![0, 1, 2, 5, 8]);
    assert_eq!(a.zone.len(), 9, "every deal lies within both limits");
    // disagreement points are 0 and 0: products 0,10,16,4,9,10,4,4,0
    assert_eq!(a.nash, Some(2));
    assert!(!a.on_frontier(&[1, 1]));
    assert_eq!(a.closest_improvement(&[1, 1]), Some((2, 2)));
}

#[test]
fn toy_limits_shrink_the_zone_and_move_the_disagreement_point() {
    // A will go no further than position 1 on the first issue and 1 on the second;
    // B no further than 1 and 1: the zone is the single deal (1, 1).
    let a = analyze_model(toy((1, 1), (1, 1))).expect("small space");
    assert_eq!(a.zone, vec![4]);
    assert_eq!(a.nash, Some(4));
    assert_eq!(a.model.actors[0].disagreement, 3);
    // A stops at 0 on the first issue, B at 1: nothing in common on it.
    let b = analyze_model(toy((0, 2), (1, 0))).expect("small space");
    assert!(b.zone.is_empty());
    assert_eq!(b.nash, None);
    assert_eq!(b.model.zone_size(), 0);
    assert_eq!(
        b.frontier,
        vec![0, 1, 2, 5, 8],
        "limits do not change the frontier"
    );
}

/// A brute-force frontier to check the fast one against.
fn brute_frontier(m: &Model) -> Vec<u64> {
    let all: Vec<Vec<i64>> = (0..m.size())
        .map(|i| {
            let d = m.decode(i);
            m.parties.iter().map(|&k| m.utility(k, &d)).collect()
        })
        .collect();
    (0..m.size())
        .filter(|&i| {
            let u = &all[i as usize];
            !all.iter()
                .any(|v| v.iter().zip(u).all(|(a, b)| a >= b) && v != u)
        })
        .collect()
}

#[test]
fn fast_frontier_matches_brute_force_for_one_to_five_parties() {
    // deterministic pseudo-random weights and ideals
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = |n: u64| {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x % n
    };
    for parties in 1..=5 {
        for _ in 0..5 {
            let radix = vec![3, 4, 2, 5];
            let actors: Vec<ActorModel> = (0..parties)
                .map(|id| {
                    let table: Vec<Vec<i64>> = radix
                        .iter()
                        .map(|&n| {
                            let ideal = next(n as u64) as usize;
                            let w = next(4) as i64;
                            (0..n)
                                .map(|p: usize| w * (n - 1 - p.abs_diff(ideal)) as i64)
                                .collect()
                        })
                        .collect();
                    ActorModel {
                        actor: ActorId(id),
                        party: true,
                        accept: radix.iter().map(|&n| (0, n - 1)).collect(),
                        ideal: vec![None; radix.len()],
                        limit: vec![None; radix.len()],
                        table,
                        disagreement: 0,
                        best: 0,
                    }
                })
                .collect();
            let m = Model {
                radix,
                actors,
                parties: (0..parties).collect(),
            };
            let a = analyze_model(m.clone()).expect("small space");
            assert_eq!(a.frontier, brute_frontier(&m), "{parties} parties");
        }
    }
}

#[test]
fn encode_and_decode_agree() {
    let m = toy((2, 2), (0, 0));
    for i in 0..m.size() {
        assert_eq!(m.encode(&m.decode(i)), i);
    }
}

/// Regression (bug 2): weights were summed in plain `i64`, so a scenario built
/// without the checker with a huge weight panicked in debug builds (and wrapped to a
/// negative utility in release). The sums now saturate.
#[test]
fn a_huge_weight_built_directly_saturates_instead_of_overflowing() {
    let mut s = (*crate::testkit::scenario(
        r#"Event(id: "open", date: "1952-02-04", title: "Talks open", sources: [(source: "Notes")])"#,
    ))
    .clone();
    for actor in &mut s.actors {
        for stance in &mut actor.stances {
            stance.weight = i64::MAX;
        }
    }
    let state = crate::engine::State::initial(&s);
    let a = analyze(&s, &state).expect("a small space");
    let north = 0;
    assert_eq!(
        a.model.actors[north].best,
        i64::MAX,
        "no wrap to a negative"
    );
    // North's ideal deal (all, commission) is worth the most to it, not a wrapped sum.
    assert_eq!(a.model.utility(north, &[0, 0]), i64::MAX);
    assert!(a.party_utilities(&[2, 1]).iter().all(|&u| u >= 0));
    // The zone is the deals both accept: prisoners `some`, custody `commission`.
    assert_eq!(a.zone, vec![a.model.encode(&[1, 0])]);
    assert_eq!(a.nash, Some(a.model.encode(&[1, 0])));
    assert!(!a.frontier.is_empty());
    let view = view::BargainView::new(&s, &a, s.start);
    assert_eq!(view.zone_size, 1);
    assert!(view.nash.is_some());
}
