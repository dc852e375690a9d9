//! Every class of bad scenario, through `panmunjom validate`: exit 1 naming the file,
//! never a panic. The core's tests check each class's message and place through the
//! library.

use crate::common::{run, stderr, temp_dir, tiny_text};

/// Replaces `from` (which must occur) by `to` in the tiny scenario.
fn tiny_with(from: &str, to: &str) -> String {
    let text = tiny_text();
    assert!(text.contains(from), "fixture lacks {from:?}");
    text.replacen(from, to, 1)
}

#[test]
fn validate_exits_1_naming_the_file_for_every_class_and_never_panics() {
    let dir = temp_dir("bad-files");
    let cases = [
        (
            "syntax.ron",
            tiny_with("title: \"Talks open\",", "title: \"Talks open\" ,,"),
        ),
        (
            "unknown.ron",
            tiny_with(
                "title: \"Talks open\",",
                "title: \"Talks open\", colour: 1,",
            ),
        ),
        ("dup.ron", tiny_with("id: \"leak\"", "id: \"opening\"")),
        (
            "ref.ron",
            tiny_with("when: TermsAgreed", "when: Flag(\"nope\")"),
        ),
        (
            "order.ron",
            tiny_with("date: \"1952-03-15\"", "date: \"1952-02-15\""),
        ),
        (
            "span.ron",
            tiny_with("date: \"1952-06-02\"", "date: \"1953-06-02\""),
        ),
        (
            "nosource.ron",
            tiny_with(
                "sources: [(source: \"Notes\", at: \"p. 4\")]",
                "sources: []",
            ),
        ),
        ("empty.ron", String::new()),
        ("garbage.ron", "\u{0}\u{1}not ron at all {{{".to_string()),
    ];
    for (name, text) in &cases {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        let out = run(&["validate", path.to_str().unwrap()], None);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{name}: {err}");
        assert!(
            err.contains(&path.display().to_string()),
            "{name} names the file: {err}"
        );
        assert!(err.contains("error:"), "{name}: {err}");
        assert!(!err.contains("panicked"), "{name}: {err}");
    }
    // Not UTF-8, and missing.
    let latin1 = dir.join("latin1.ron");
    std::fs::write(&latin1, [0x28u8, 0xe9, 0x29]).unwrap();
    let missing = dir.join("missing.ron");
    let out = run(
        &[
            "validate",
            latin1.to_str().unwrap(),
            missing.to_str().unwrap(),
        ],
        None,
    );
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        err.contains("not UTF-8") && err.contains("cannot read"),
        "{err}"
    );
    std::fs::remove_dir_all(&dir).ok();
}
