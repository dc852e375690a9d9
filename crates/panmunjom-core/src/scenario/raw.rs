//! The raw, serde form of a scenario file: exactly what the RON text says, with string ids.
//!
//! Nothing here is checked beyond syntax and types; `check/` turns it into a
//! [`crate::scenario::Scenario`] with every reference resolved. Every struct denies
//! unknown fields, so a misspelt field is an error with its line and column.

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize};

/// A date written `"YYYY-MM-DD"`; a bad one is an error that says how to write it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct RawDate(pub NaiveDate);

impl<'de> Deserialize<'de> for RawDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        NaiveDate::parse_from_str(&text, "%Y-%m-%d")
            .map(RawDate)
            .map_err(|e| {
                serde::de::Error::custom(format!(
                    "\"{text}\" is not a date ({e}): write dates as \"YYYY-MM-DD\", e.g. \"1953-07-27\""
                ))
            })
    }
}

impl std::fmt::Display for RawDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// A whole scenario file.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Scenario")]
pub struct RawScenario {
    /// Stable identifier, recorded in game records (e.g. `korea-1952-1953`).
    pub id: String,
    /// Title shown to players.
    pub title: String,
    /// A paragraph describing the scenario.
    #[serde(default)]
    pub summary: String,
    /// First date of the timeline.
    pub start: RawDate,
    /// Last date of the timeline.
    pub end: RawDate,
    /// Last date on which an armistice can still be concluded; without one by then, the game ends.
    pub horizon: RawDate,
    /// Documents that citations refer to.
    pub sources: Vec<RawSource>,
    /// Every party, playable or not.
    pub actors: Vec<RawActor>,
    /// The issues under negotiation and the labelled positions on each.
    pub issues: Vec<RawIssue>,
    /// Numeric state the game tracks (cohesion, standing, cost of delay…).
    #[serde(default)]
    pub variables: Vec<RawVariable>,
    /// Yes/no state the game tracks (talks in session…).
    #[serde(default)]
    pub flags: Vec<RawFlag>,
    /// Dated events and decision points, in date order.
    pub timeline: Vec<RawEntry>,
    /// When an armistice is concluded and what the historical one was.
    pub armistice: RawArmistice,
    /// What each role is trying to achieve, judged at the end.
    #[serde(default)]
    pub objectives: Vec<RawObjective>,
    /// How much seeded randomness the adaptive policy adds to its scores (0 = none).
    #[serde(default = "default_noise")]
    pub adaptive_noise: u32,
    /// The id of the variable that measures the cost of delay: the explorer reports
    /// its spread at the end of the games (none: no cost line).
    #[serde(default)]
    pub cost_of_delay: Option<String>,
    /// Where and when the parties can exchange proposals (see [`RawSession`]).
    #[serde(default)]
    pub sessions: Vec<RawSession>,
    /// The proposals really tabled in the period, with how they were answered.
    #[serde(default)]
    pub proposals: Vec<RawProposal>,
    /// What a class should understand after playing, for the teacher (shown in the
    /// briefing's notes, the debrief and the class report).
    #[serde(default)]
    pub learning_goals: Vec<String>,
}

fn default_noise() -> u32 {
    2
}

/// A document that citations point into.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Source")]
pub struct RawSource {
    /// Short id used in citations (e.g. `OCI-53`).
    pub id: String,
    /// Full bibliographic title.
    pub title: String,
    /// Where to find it (archive reference, URL…).
    #[serde(default)]
    pub reference: String,
    /// A plain-text copy of the document (file name in `assets/` or a path relative to
    /// the scenario file); quotes citing this source must occur in it word for word.
    #[serde(default)]
    pub text: Option<String>,
}

/// A party to the talks.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Actor")]
pub struct RawActor {
    pub id: String,
    pub name: String,
    /// Other names a player may use for this role on the command line (`soviet` for
    /// `ussr`); matched without regard to case.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Whether a player may take this role.
    #[serde(default)]
    pub playable: bool,
    #[serde(default)]
    pub description: String,
    /// The role's situation and aims, shown before play.
    #[serde(default)]
    pub briefing: String,
    /// Starting position, limit and weight on each issue the actor has a stake in.
    #[serde(default)]
    pub stances: Vec<RawStance>,
    /// How the actor values changes of the game's variables (used by the adaptive policy).
    #[serde(default)]
    pub interests: Vec<RawInterest>,
    /// Bonus the adaptive policy gives an option for each issue it brings to agreement
    /// (−100–100).
    #[serde(default)]
    pub settle: i64,
    /// How the actor bargains at the table when the computer plays it (default: a
    /// moderate temperament, see [`RawTemperament`]).
    #[serde(default)]
    pub bargaining: Option<RawTemperament>,
}

/// An actor's stance on one issue.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Stance")]
pub struct RawStance {
    pub issue: String,
    /// The position it holds at the start.
    pub position: String,
    /// The furthest position it will settle on (its limit); positions past it are refused.
    pub limit: String,
    /// How much the issue matters to it (0–10): to the adaptive policy and to the
    /// bargaining analysis.
    #[serde(default = "default_weight")]
    pub weight: i64,
}

fn default_weight() -> i64 {
    1
}

/// How much an actor cares about a variable: `weight` (−10–10) × change, summed by the
/// adaptive policy.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Interest")]
pub struct RawInterest {
    pub variable: String,
    pub weight: i64,
}

/// An issue and its positions, listed from one pole to the other.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Issue")]
pub struct RawIssue {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub description: String,
    pub positions: Vec<RawPosition>,
}

/// One labelled position on an issue.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Position")]
pub struct RawPosition {
    pub id: String,
    pub label: String,
    #[serde(default)]
    pub sources: Vec<RawCite>,
}

/// A numeric quantity the game tracks.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Variable")]
pub struct RawVariable {
    pub id: String,
    pub label: String,
    #[serde(default)]
    pub description: String,
    pub initial: i64,
    #[serde(default)]
    pub min: i64,
    #[serde(default = "default_max")]
    pub max: i64,
    /// Added for every week that passes until an armistice is signed (e.g. cost of delay).
    #[serde(default)]
    pub per_week: i64,
    /// What one unit means, e.g. "points" or "weeks".
    #[serde(default)]
    pub unit: String,
}

fn default_max() -> i64 {
    100
}

/// A yes/no quantity the game tracks.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Flag")]
pub struct RawFlag {
    pub id: String,
    pub label: String,
    #[serde(default)]
    pub initial: bool,
}

/// One entry of the timeline.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename = "Entry")]
pub enum RawEntry {
    Event(RawEvent),
    Decision(RawDecision),
}

/// Something that happens on a date, if its condition holds.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Event")]
pub struct RawEvent {
    pub id: String,
    pub date: RawDate,
    /// How the date reads in the record when it is not a single day ("mid-November 1952").
    #[serde(default)]
    pub date_label: Option<String>,
    pub title: String,
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub actors: Vec<String>,
    #[serde(default)]
    pub visibility: RawVisibility,
    pub sources: Vec<RawCite>,
    /// Figures the sources give; a disputed figure is a range.
    #[serde(default)]
    pub figures: Vec<RawFigure>,
    /// True for an event that did not happen: a branch written for a game off the historical path.
    #[serde(default)]
    pub counterfactual: bool,
    /// The event fires only if this holds (default: always).
    #[serde(default)]
    pub when: Option<RawCond>,
    /// Chance in percent that a counterfactual event fires when its condition holds (default 100).
    #[serde(default)]
    pub chance: Option<u32>,
    #[serde(default)]
    pub effects: Vec<RawEffect>,
    /// Questions for a class discussion about this event, with sources.
    #[serde(default)]
    pub discussion: Vec<RawQuestion>,
    /// What the plain title and text take as true when the event fires (default:
    /// always); the story checker reports a game in which it fails.
    #[serde(default)]
    pub presumes: Option<RawCond>,
    /// Other wordings of the text (and title), each for the situation its condition
    /// describes: the first whose condition holds when the event fires is shown.
    #[serde(default)]
    pub texts: Vec<RawEventText>,
    /// Events that contradict this one: the story checker reports a game in which
    /// two of them fire on the same day.
    #[serde(default)]
    pub excludes: Vec<String>,
    /// An aftermath event: it fires this many days after the game's own agreement was
    /// signed (never without one); `date` must be the historical signing date + days.
    #[serde(default)]
    pub after_agreement: Option<u32>,
    /// True for an event dated before the historical agreement that stays true after
    /// the game's agreement (a death, an election): the story checker does not report
    /// it firing in peacetime.
    #[serde(default)]
    pub in_peace: bool,
}

/// A wording of an event's text for one situation.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "EventText")]
pub struct RawEventText {
    pub when: RawCond,
    pub text: String,
    /// A title for this situation (default: the event's title).
    #[serde(default)]
    pub title: Option<String>,
}

/// A wording of an option's text for one situation.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "OptionText")]
pub struct RawOptionText {
    pub when: RawCond,
    pub text: String,
}

/// A question for a class discussion: what historians debate, with the sources.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Question")]
pub struct RawQuestion {
    /// The question put to the class.
    pub question: String,
    /// What historians say about it, in a few sentences (where they disagree, both sides).
    #[serde(default)]
    pub background: String,
    /// Where to read more: at least one.
    pub sources: Vec<RawCite>,
}

/// Who learns of an event.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(rename = "Visibility")]
pub enum RawVisibility {
    /// Everyone, at once.
    #[default]
    Public,
    /// Only the named actors.
    Private(Vec<String>),
    /// Known at once to `among`; reaches `to` only as an intelligence report, `delay_days` later.
    Intelligence(RawIntel),
}

/// An intelligence report's route.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Intel")]
pub struct RawIntel {
    pub among: Vec<String>,
    pub to: Vec<String>,
    #[serde(default)]
    pub delay_days: u32,
    /// How far the report can be trusted, in the words of the time ("fragmentary", "reliable"…).
    #[serde(default)]
    pub reliability: String,
}

/// A citation: a source id, where in it, and optionally the exact words.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Cite")]
pub struct RawCite {
    pub source: String,
    /// Where in the source (document number, chapter, page, annex entry).
    #[serde(default)]
    pub at: String,
    /// Words quoted from the source; must occur in its text when the source ships one.
    #[serde(default)]
    pub quote: Option<String>,
}

/// A figure from the sources; `low` < `high` marks a disputed figure.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Figure")]
pub struct RawFigure {
    pub label: String,
    pub low: i64,
    pub high: i64,
    #[serde(default)]
    pub unit: String,
    /// Which source gives which value, in words.
    #[serde(default)]
    pub note: String,
    /// The figure is shown only if this holds when the event fires (default: always).
    #[serde(default)]
    pub when: Option<RawCond>,
}

/// A moment where one role decides.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Decision")]
pub struct RawDecision {
    pub id: String,
    /// The actor who decides (must be playable).
    pub role: String,
    pub date: RawDate,
    #[serde(default)]
    pub date_label: Option<String>,
    pub title: String,
    /// The question put to the player.
    pub prompt: String,
    /// The situation as that side saw it.
    #[serde(default)]
    pub context: String,
    #[serde(default)]
    pub sources: Vec<RawCite>,
    /// The decision arises only if this holds (default: always).
    #[serde(default)]
    pub when: Option<RawCond>,
    /// Two to four options, exactly one of them historical (none when the decision is
    /// counterfactual).
    pub options: Vec<RawOption>,
    /// True for a decision that arises only off the historical path: it has no
    /// historical option, and taking it at all is divergence.
    #[serde(default)]
    pub counterfactual: bool,
    /// Other wordings of `context`, each for the situation its condition describes: the
    /// first whose condition holds when the decision arises is shown (none: `context`).
    #[serde(default)]
    pub contexts: Vec<RawContext>,
    /// Questions for a class discussion about this decision, with sources.
    #[serde(default)]
    pub discussion: Vec<RawQuestion>,
    /// What the title, prompt and plain context take as true when the decision arises
    /// (default: always); the story checker reports a game in which it fails.
    #[serde(default)]
    pub presumes: Option<RawCond>,
}

/// A wording of a decision's context for one situation.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Context")]
pub struct RawContext {
    pub when: RawCond,
    pub text: String,
}

/// One option of a decision.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Option")]
pub struct RawOption {
    pub id: String,
    pub label: String,
    #[serde(default)]
    pub text: String,
    /// The option can be taken only if this holds (default: always).
    #[serde(default)]
    pub requires: Option<RawCond>,
    #[serde(default)]
    pub effects: Vec<RawEffect>,
    /// Present on the one option the real side took.
    #[serde(default)]
    pub historical: Option<RawHistorical>,
    /// The id of the proposal (in `proposals`) this option tables: taking the option
    /// puts that proposal on the table, by the decision's role.
    #[serde(default)]
    pub proposal: Option<String>,
    /// What the label and plain text take as true when the decision arises (default:
    /// always); the story checker reports a game in which it fails.
    #[serde(default)]
    pub presumes: Option<RawCond>,
    /// Other wordings of the text, each for the situation its condition describes: the
    /// first whose condition holds when the decision arises is shown.
    #[serde(default)]
    pub texts: Vec<RawOptionText>,
}

/// Why the real side took this option, and where that is documented.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Historical")]
pub struct RawHistorical {
    pub note: String,
    pub sources: Vec<RawCite>,
}

/// A condition on the game's state.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename = "Cond")]
pub enum RawCond {
    Always,
    Never,
    All(Vec<RawCond>),
    Any(Vec<RawCond>),
    Not(Box<RawCond>),
    /// The flag is raised.
    Flag(String),
    /// The variable is at least the value.
    AtLeast(String, i64),
    /// The variable is at most the value.
    AtMost(String, i64),
    /// The decision was taken with this option.
    Chose(String, String),
    /// The event has fired.
    Fired(String),
    /// The actor holds this position on the issue.
    Holds(String, String, String),
    /// The actor knows of the event (saw it, or received the report).
    Knows(String, String),
    /// All armistice parties hold the same position on this issue.
    Agreed(String),
    /// All armistice parties hold the same position on every issue.
    TermsAgreed,
    /// An armistice has been signed.
    Armistice,
    /// An armistice has been signed on or before the date.
    ArmisticeBy(RawDate),
    /// An armistice has been signed with this position on the issue.
    Term(String, String),
}

/// A change to the game's state.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename = "Effect")]
pub enum RawEffect {
    /// Add to a variable (clamped to its range).
    Add(String, i64),
    /// Set a variable.
    Set(String, i64),
    /// Raise a flag.
    Raise(String),
    /// Lower a flag.
    Lower(String),
    /// The actor takes this position on the issue.
    Move(String, String, String),
    /// The actor's limit on the issue becomes this position.
    Limit(String, String, String),
    /// The actor learns of the event.
    Reveal(String, String),
    /// The armistice is signed on the terms all parties hold now.
    SignArmistice,
    /// The game ends without an armistice, for the reason given.
    End(String),
}

/// When an armistice is concluded, and the historical one.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Armistice")]
pub struct RawArmistice {
    /// Actors whose positions must all coincide for terms to be agreed.
    pub parties: Vec<String>,
    /// Must hold, besides agreed terms, for the armistice to be concluded.
    #[serde(default)]
    pub requires: Option<RawCond>,
    /// When terms stay agreed and `requires` holds this many days without an event
    /// signing the armistice, it is signed anyway (a branch the timeline did not foresee).
    pub signing_after_days: u32,
    /// The armistice as it happened (exactly one of `historical` and `no_agreement`).
    #[serde(default)]
    pub historical: Option<RawHistoricalArmistice>,
    /// What the parties are trying to reach, as every text names it ("armistice",
    /// "provisional agreement", "settlement"…; default "armistice").
    #[serde(default)]
    pub noun: Option<String>,
    /// History reached no agreement: how and when the talks ended (instead of `historical`).
    #[serde(default)]
    pub no_agreement: Option<RawNoAgreement>,
}

/// Talks that ended without an agreement.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "NoAgreement")]
pub struct RawNoAgreement {
    /// The date the talks ended.
    pub date: RawDate,
    /// How they ended, in a sentence ("the conference closed on the sixteen nations'
    /// declaration").
    pub how: String,
    pub sources: Vec<RawCite>,
}

/// The historical armistice and its terms.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "HistoricalArmistice")]
pub struct RawHistoricalArmistice {
    pub date: RawDate,
    /// The date the terms were agreed.
    pub terms_date: RawDate,
    /// Issue id → position id of the historical terms.
    pub terms: Vec<(String, String)>,
    pub sources: Vec<RawCite>,
}

/// What a role is trying to achieve.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Objective")]
pub struct RawObjective {
    pub id: String,
    pub role: String,
    pub text: String,
    /// Met if this holds at the end of the game.
    pub test: RawCond,
}

/// Where the parties can exchange proposals: one dated meeting, or a meeting every
/// `every_days` from `from` to `to`, each held only while `when` holds.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Session")]
pub struct RawSession {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub description: String,
    /// The first (or only) meeting.
    pub from: RawDate,
    /// The last date a meeting may fall on (default: `from`, a single meeting).
    #[serde(default)]
    pub to: Option<RawDate>,
    /// Days between meetings from `from` to `to` (0: only `from`, and the dates of the
    /// historical proposals tabled there).
    #[serde(default)]
    pub every_days: u32,
    /// A meeting is held only if this holds on its date (default: always).
    #[serde(default)]
    pub when: Option<RawCond>,
    /// The actors who sit at it (they hear every proposal and answer it).
    pub seated: Vec<String>,
    /// Who may table a proposal (default: every actor seated).
    #[serde(default)]
    pub may_table: Vec<String>,
    /// How many proposals the player may table at one meeting (default 1).
    #[serde(default = "default_rounds")]
    pub rounds: u32,
    #[serde(default)]
    pub sources: Vec<RawCite>,
}

fn default_rounds() -> u32 {
    1
}

/// A proposal really tabled: who, when, where, the position it took on each issue it
/// addressed, how it was answered, and where that is documented.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Proposal")]
pub struct RawProposal {
    pub id: String,
    /// The actor who tabled it (must be seated at the session and allowed to table).
    pub author: String,
    pub date: RawDate,
    #[serde(default)]
    pub date_label: Option<String>,
    /// The session it was tabled at; its date must fall inside the session's dates.
    pub session: String,
    pub title: String,
    #[serde(default)]
    pub text: String,
    /// Issue id → position id, for the issues it addressed (others are left open).
    pub terms: Vec<(String, String)>,
    /// How each party answered it.
    #[serde(default)]
    pub answers: Vec<RawAnswer>,
    pub sources: Vec<RawCite>,
    /// What tabling it does to the game's variables, where documented. Applied when it
    /// is tabled at a meeting; a proposal tabled by a decision's option has the
    /// option's effects instead.
    #[serde(default)]
    pub effects: Vec<RawEffect>,
    /// A proposal not tabled by an option is tabled at its meeting only if this holds
    /// then (default: always).
    #[serde(default)]
    pub when: Option<RawCond>,
}

/// One party's historical answer to a proposal.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Answer")]
pub struct RawAnswer {
    /// The actors answering (all seated at the session).
    pub by: Vec<String>,
    pub reply: RawReply,
    /// When they answered (default: the proposal's date).
    #[serde(default)]
    pub date: Option<RawDate>,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub sources: Vec<RawCite>,
}

/// A reply to a proposal.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename = "Reply")]
pub enum RawReply {
    Accepted,
    /// Accepted most of it, asking for amendments.
    AcceptedInPart,
    Rejected,
    /// Answered only by a proposal of their own.
    Countered,
}

/// How an actor bargains at the table when the computer plays it.
///
/// Its *aspiration* is a percentage of the way from its limits (0) to its ideal (100):
/// it accepts a package worth at least that share of the gap. The aspiration starts at
/// `start` on the first meeting of any session and falls `fall` points every 30 days
/// (a Boulware side: small; a conceder: large); each `pressures` entry lowers it by
/// `weight × value / 10` of a variable (raises it for a negative weight).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Temperament")]
pub struct RawTemperament {
    #[serde(default = "default_start")]
    pub start: u32,
    #[serde(default = "default_fall")]
    pub fall: u32,
    #[serde(default)]
    pub pressures: Vec<RawInterest>,
    /// Allies it consults: while `when` holds it does not accept what the ally would
    /// refuse.
    #[serde(default)]
    pub consults: Vec<RawConsult>,
}

fn default_start() -> u32 {
    100
}

fn default_fall() -> u32 {
    5
}

/// An ally an actor consults before it accepts.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Consult")]
pub struct RawConsult {
    pub ally: String,
    /// While this holds (default: always).
    #[serde(default)]
    pub when: Option<RawCond>,
    /// The refusal in words when the ally would refuse (default "<ally> has not agreed").
    #[serde(default)]
    pub refusal: String,
}
