//! Developer tools around the window: `panmunjom tour` (drives every screen and takes
//! screenshots), the `PANMUNJOM_SHOT` screenshot hook, and start-up and frame-time figures.

pub mod dev_shot;
pub mod timing;
pub mod tour;
