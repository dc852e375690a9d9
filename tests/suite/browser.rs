//! The HTML pages in a real browser: `panmunjom class --format html` over twelve varied
//! records and `panmunjom debrief --format html`, rendered by headless Chromium to PNG
//! (on a desktop and a phone width; not blank, no console message or failed load) and
//! printed to PDF on Letter and A4 (a sane page count: each section on its own pages).
//!
//! Where Chromium is missing the tests print what to install and pass — except in CI
//! (`CI` set, as `.ci/run` does), where they must run: there they fail.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;

use panmunjom::engine::{Game, Policy, Progress, Setup};
use panmunjom::record::Record;
use panmunjom::scenario::Scenario;

use crate::common::{main_scenario, run, stderr, temp_dir};

/// What to install to run these tests (Debian/Ubuntu).
const INSTALL: &str = "apt-get install -y chromium poppler-utils";

fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "0" && !v.eq_ignore_ascii_case("false"))
}

fn on_path(program: &str) -> Option<PathBuf> {
    let paths = std::env::var_os("PATH")?;
    std::env::split_paths(&paths)
        .map(|dir| dir.join(program))
        .find(|p| p.is_file())
}

/// The browser, or None (after saying what to install) where the test may be skipped.
fn chromium() -> Option<PathBuf> {
    let found = ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find_map(on_path);
    if found.is_none() {
        assert!(
            !in_ci(),
            "no Chromium in CI: the browser test must run there ({INSTALL})"
        );
        eprintln!("browser test skipped: no Chromium ({INSTALL})");
    }
    found
}

/// Runs headless Chromium on `page` with `args`; returns its log, failing on a console
/// message or a failed load (the pages have no script: any console line is a problem).
fn browse(browser: &Path, page: &Path, args: &[String]) -> String {
    let profile = page.with_extension("profile");
    let out = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--no-first-run",
            "--enable-logging=stderr",
            "--v=0",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("Chromium starts");
    let log = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(
        out.status.success(),
        "Chromium failed on {}:\n{log}",
        page.display()
    );
    log
}

/// The lines of a browser log that report a problem with the page.
fn page_problems(log: &str) -> Vec<&str> {
    log.lines()
        .filter(|l| {
            l.contains(":CONSOLE")
                || l.contains("net::ERR")
                || l.contains("Uncaught")
                || l.contains("Refused to")
        })
        .collect()
}

/// Share of pixels that are not white-ish, and the number of distinct colours (to 64).
fn ink(path: &Path) -> (f64, usize) {
    let file = std::fs::File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut reader = png::Decoder::new(std::io::BufReader::new(file))
        .read_info()
        .expect("a PNG");
    let mut buf = vec![0; reader.output_buffer_size().expect("size")];
    let info = reader.next_frame(&mut buf).expect("a frame");
    let step = info.color_type.samples();
    let pixels = &buf[..info.buffer_size()];
    let mut inked = 0usize;
    let mut colours = std::collections::HashSet::new();
    for p in pixels.chunks(step) {
        if p[..3].iter().any(|&c| c < 235) {
            inked += 1;
        }
        if colours.len() < 64 {
            colours.insert([p[0], p[1], p[2]]);
        }
    }
    (inked as f64 / (pixels.len() / step) as f64, colours.len())
}

/// Twelve varied records: every role, both policies, different seeds and choices.
fn class_records(s: &Arc<Scenario>, dir: &Path) -> Vec<PathBuf> {
    let roles: Vec<_> = s.playable().map(|(id, _)| id).collect();
    (0..12usize)
        .map(|i| {
            let setup = Setup {
                role: roles[i % roles.len()],
                policy: if i % 4 < 2 {
                    Policy::Historical
                } else {
                    Policy::Adaptive
                },
                seed: 100 + i as u64,
            };
            let mut g = Game::new(Arc::clone(s), setup);
            let mut k = 0;
            while let Progress::AwaitingChoice(id) = g.advance_passing() {
                let d = s.entry(id).as_decision().expect("a decision");
                let open = g.open_options(id);
                // Some stay with history, others leave it early or late, in their own way.
                let pick = if i % 3 == 0 || k < i % 5 {
                    match d.historical {
                        Some(h) if open.contains(&h) => h,
                        _ => open[0],
                    }
                } else {
                    open[(i + k) % open.len()]
                };
                g.choose(pick).expect("open");
                k += 1;
            }
            let path = dir.join(format!("record-{i:02}.json"));
            Record::named(&g, &format!("Group {}", i + 1))
                .write(&path)
                .expect("record written");
            path
        })
        .collect()
}

/// The pages under test: the class report and one debrief, written by the binary.
fn pages(dir: &Path) -> Vec<PathBuf> {
    let s = main_scenario();
    let records = dir.join("records");
    std::fs::create_dir_all(&records).expect("folder");
    let files = class_records(&s, &records);
    let class = dir.join("class.html");
    let o = run(
        &[
            "class",
            &records.display().to_string(),
            "--format",
            "html",
            "--out",
            &class.display().to_string(),
        ],
        None,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let o = run(
        &[
            "debrief",
            &files[4].display().to_string(),
            "--format",
            "html",
        ],
        None,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let debrief = dir.join("debrief.html");
    std::fs::write(&debrief, &o.stdout).expect("page written");
    vec![class, debrief]
}

#[test]
fn the_html_pages_render_in_a_real_browser_on_a_desktop_and_a_phone() {
    let Some(browser) = chromium() else { return };
    let dir = temp_dir("browser-png");
    // The detector itself: a page that logs to the console is caught.
    let control = dir.join("control.html");
    std::fs::write(
        &control,
        "<!DOCTYPE html><p>x</p><script>console.error('boom')</script>",
    )
    .expect("control page");
    let shot = dir.join("control.png");
    let log = browse(
        &browser,
        &control,
        &[format!("--screenshot={}", shot.display())],
    );
    assert!(
        !page_problems(&log).is_empty(),
        "a console error goes unnoticed:\n{log}"
    );

    for page in pages(&dir) {
        for (name, size) in [("desktop", "1280,2000"), ("phone", "390,1600")] {
            let png = page.with_extension(format!("{name}.png"));
            let log = browse(
                &browser,
                &page,
                &[
                    format!("--window-size={size}"),
                    format!("--screenshot={}", png.display()),
                ],
            );
            let problems = page_problems(&log);
            assert!(problems.is_empty(), "{}: {problems:?}", page.display());
            let (inked, colours) = ink(&png);
            assert!(
                inked > 0.02 && colours > 8,
                "{} at {name} looks blank: {:.1}% inked, {colours} colours",
                page.display(),
                inked * 100.0
            );
        }
    }
}

/// The page count of a PDF (pdfinfo's `Pages:` line).
fn pages_of(pdf: &Path) -> usize {
    let o = Command::new("pdfinfo")
        .arg(pdf)
        .output()
        .expect("pdfinfo runs");
    String::from_utf8_lossy(&o.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("pdfinfo gives no page count for {}", pdf.display()))
}

#[test]
fn the_html_pages_print_to_a_sane_number_of_pages_on_letter_and_a4() {
    let Some(browser) = chromium() else { return };
    if on_path("pdfinfo").is_none() {
        assert!(!in_ci(), "no pdfinfo in CI ({INSTALL})");
        eprintln!("print test skipped: no pdfinfo ({INSTALL})");
        return;
    }
    let dir = temp_dir("browser-pdf");
    for page in pages(&dir) {
        let html = std::fs::read_to_string(&page).expect("page");
        // Chromium prints on Letter by default; the A4 copy asks for A4 by CSS.
        let a4 = page.with_extension("a4.html");
        std::fs::write(
            &a4,
            html.replace("</head>", "<style>@page { size: A4; }</style></head>"),
        )
        .expect("A4 copy");
        for (paper, source) in [("letter", &page), ("a4", &a4)] {
            let pdf = page.with_extension(format!("{paper}.pdf"));
            let log = browse(
                &browser,
                source,
                &[
                    "--no-pdf-header-footer".to_string(),
                    format!("--print-to-pdf={}", pdf.display()),
                ],
            );
            assert!(page_problems(&log).is_empty(), "{log}");
            let n = pages_of(&pdf);
            // Every section starts a page (at least 4 of them); twelve records and one
            // debrief fit in well under 40 pages.
            assert!(
                (4..=40).contains(&n),
                "{} on {paper}: {n} pages",
                page.display()
            );
        }
    }
}
