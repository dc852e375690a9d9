//! The checker's rules on weights, aliases and declared variables, through the errors
//! an author reads.

use crate::scenario::VarId;
use crate::testkit::{errors, load, text};

/// An event any test timeline can hold.
const EVENT: &str =
    r#"Event(id: "open", date: "1952-02-04", title: "Talks open", sources: [(source: "Notes")])"#;

fn base() -> String {
    text(EVENT)
}

#[test]
fn the_base_scenario_is_valid() {
    assert_eq!(errors(&base()), "");
}

#[test]
fn a_stance_weight_outside_0_to_10_is_refused_naming_actor_issue_and_field() {
    for bad in ["11", "-1", "9223372036854775807"] {
        let t = base().replacen(
            r#"position: "all", limit: "some", weight: 3"#,
            &format!(r#"position: "all", limit: "some", weight: {bad}"#),
            1,
        );
        let e = errors(&t);
        assert!(
            e.contains(&format!(
                "unit.ron:actor `north`, field `stances.prisoners.weight`: error: {bad} is outside the range 0 to 10"
            )),
            "{bad}: {e}"
        );
    }
    for good in ["0", "10"] {
        let t = base().replacen("weight: 3", &format!("weight: {good}"), 1);
        assert_eq!(errors(&t), "", "{good}");
    }
}

#[test]
fn interest_weights_and_settle_have_a_range_too() {
    let t = base().replacen(
        r#"(variable: "cost", weight: -1)"#,
        r#"(variable: "cost", weight: -11)"#,
        1,
    );
    assert!(
        errors(&t).contains(
            "actor `north`, field `interests.cost.weight`: error: -11 is outside the range -10 to 10"
        ),
        "{}",
        errors(&t)
    );
    let t = base().replacen("settle: 5", "settle: 101", 1);
    assert!(
        errors(&t)
            .contains("actor `north`, field `settle`: error: 101 is outside the range -100 to 100"),
        "{}",
        errors(&t)
    );
}

#[test]
fn aliases_must_each_name_one_actor() {
    let with = |north: &str, south: &str| {
        base()
            .replacen(
                r#"(id: "north", name: "North side","#,
                &format!(r#"(id: "north", name: "North side", aliases: {north},"#),
                1,
            )
            .replacen(
                r#"(id: "south", name: "South side","#,
                &format!(r#"(id: "south", name: "South side", aliases: {south},"#),
                1,
            )
    };
    // Fine: distinct aliases, and an alias that repeats the actor's own id.
    assert_eq!(errors(&with(r#"["n", "NORTH"]"#, r#"["s"]"#)), "");
    let e = errors(&with(r#"[" "]"#, "[]"));
    assert!(
        e.contains("actor `north`, field `aliases`: error: an alias is empty"),
        "{e}"
    );
    let e = errors(&with(r#"["South"]"#, "[]"));
    assert!(
        e.contains(
            "actor `north`, field `aliases`: error: alias `South` is the id of actor `south`"
        ),
        "{e}"
    );
    let e = errors(&with(r#"["reds"]"#, r#"["Reds"]"#));
    assert!(
        e.contains(
            "actor `south`, field `aliases`: error: alias `Reds` is also an alias of actor `north`"
        ),
        "{e}"
    );
}

#[test]
fn the_cost_of_delay_is_declared_and_must_name_a_variable() {
    let s = load(&base());
    assert_eq!(s.cost_of_delay, Some(VarId(0)));
    assert_eq!(s.variables[0].id, "cost");
    let none = load(&base().replacen("cost_of_delay: \"cost\",", "", 1));
    assert_eq!(none.cost_of_delay, None);
    let e = errors(&base().replacen("cost_of_delay: \"cost\"", "cost_of_delay: \"price\"", 1));
    assert!(
        e.contains(
            "scenario `unit`, field `cost_of_delay`: error: no variable `price` (known: cost, trust)"
        ),
        "{e}"
    );
}

#[test]
fn actor_ids_that_differ_only_in_case_are_refused() {
    let t = base().replacen(
        r#"(id: "south", name: "South side""#,
        r#"(id: "North", name: "South side""#,
        1,
    );
    let e = errors(&t);
    assert!(
        e.contains(
            "actor `North`, field `id`: error: id `North` differs from actor `north` only in case"
        ),
        "{e}"
    );
}

#[test]
fn an_objective_belongs_to_a_playable_role_as_the_docs_say() {
    let with = |role: &str| {
        base().replacen(
            "    timeline: [",
            &format!(
                r#"    objectives: [(id: "o1", role: "{role}", text: "Hold.", test: Flag("talks"))],
    timeline: ["#
            ),
            1,
        )
    };
    assert_eq!(errors(&with("north")), "");
    let e = errors(&with("broker"));
    assert!(
        e.contains("objective `o1`, field `role`: error: `broker` is not a playable actor"),
        "{e}"
    );
    // Section 5.17 says the same.
    let doc = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../docs/scenario-format.md"
    ))
    .unwrap();
    let row = doc
        .lines()
        .skip_while(|l| !l.starts_with("### 5.17"))
        .find(|l| l.starts_with("| `role`"))
        .unwrap();
    assert!(row.contains("**playable** actor"), "{row}");
}
