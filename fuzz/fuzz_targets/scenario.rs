//! Fuzz target: any bytes as a scenario file — loading must give a scenario or an error,
//! never a panic; whatever loads must play to an end, and its errors must render.
#![no_main]

use std::sync::Arc;

use libfuzzer_sys::fuzz_target;
use panmunjom_core::scenario::builtin::Lookup;
use panmunjom_core::scenario::check::load_str;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match load_str("fuzz.ron", text, &Lookup { dir: None }) {
        Ok(scenario) => {
            let mut game = panmunjom_core::compare::historical_path(Arc::new(scenario));
            game.play_historical();
            assert!(game.is_finished());
            let _ = panmunjom_core::compare::Debrief::new(&game);
        }
        Err(e) => {
            let _ = e.render();
        }
    }
});
