//! Scenarios: the checked, resolved form the engine plays, and how to load one.
//!
//! A scenario is read in two stages: [`raw`] is the serde form of the RON file with
//! string ids; [`check`] resolves every reference into the typed indices below and
//! rejects anything inconsistent. The engine only ever sees a checked [`Scenario`].

pub mod builtin;
pub mod check;
pub mod error;
pub mod raw;
pub mod roles;
pub mod table;
pub mod text;

use chrono::NaiveDate;

pub use check::{INTEREST_WEIGHTS, SETTLE, STANCE_WEIGHTS};
pub use error::{LoadError, Problem};
pub use roles::RoleError;
pub use table::{
    Answer, Consult, Meeting, MeetingId, Proposal, ProposalId, Reply, Session, SessionId,
    Temperament,
};

/// Loads the scenario file at `path`, or the scenario built into the binary when there
/// is none: the one way the command line and the window read a scenario.
pub fn load(path: Option<&std::path::Path>) -> Result<std::sync::Arc<Scenario>, LoadError> {
    builtin::load(path).map(std::sync::Arc::new)
}

/// Index of an actor in [`Scenario::actors`].
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct ActorId(pub usize);
/// Index of an issue in [`Scenario::issues`].
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct IssueId(pub usize);
/// Index of a position within its issue's `positions`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct PosId(pub usize);
/// Index of a variable in [`Scenario::variables`].
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct VarId(pub usize);
/// Index of a flag in [`Scenario::flags`].
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct FlagId(pub usize);
/// Index of an entry in [`Scenario::timeline`].
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct EntryId(pub usize);
/// Index of a source in [`Scenario::sources`].
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct SourceId(pub usize);

/// A checked scenario: every id resolved, every rule of the format verified.
#[derive(Debug, Clone)]
pub struct Scenario {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub horizon: NaiveDate,
    pub adaptive_noise: u32,
    /// The variable the scenario declares as its cost of delay (`cost_of_delay:` in the
    /// file): the explorer reports its spread. None: the scenario declares none.
    pub cost_of_delay: Option<VarId>,
    pub sources: Vec<Source>,
    pub actors: Vec<Actor>,
    pub issues: Vec<Issue>,
    pub variables: Vec<Variable>,
    pub flags: Vec<Flag>,
    pub timeline: Vec<Entry>,
    pub armistice: ArmisticeRules,
    pub objectives: Vec<Objective>,
    /// SHA-256 of the file's text, in hex: game records pin the scenario with it.
    pub hash: String,
    /// Where it was loaded from (a path, or `built-in:<name>`).
    pub origin: String,
    /// Where and when proposals can be exchanged.
    pub sessions: Vec<Session>,
    /// The historical proposals, in date order.
    pub proposals: Vec<Proposal>,
    /// Every session's meetings, by date (then session order).
    pub meetings: Vec<Meeting>,
    /// What a class should understand after playing (for the teacher).
    pub learning_goals: Vec<String>,
}

/// A document citations point into, with its text when one ships.
#[derive(Debug, Clone)]
pub struct Source {
    pub id: String,
    pub title: String,
    pub reference: String,
    pub text: Option<String>,
}

/// A citation, resolved.
#[derive(Debug, Clone)]
pub struct Cite {
    pub source: SourceId,
    pub at: String,
    pub quote: Option<String>,
}

/// A party to the talks.
#[derive(Debug, Clone)]
pub struct Actor {
    pub id: String,
    pub name: String,
    /// Other names for the role (declared in the scenario; `soviet` for `ussr`).
    pub aliases: Vec<String>,
    pub playable: bool,
    pub description: String,
    pub briefing: String,
    pub stances: Vec<Stance>,
    pub interests: Vec<(VarId, i64)>,
    pub settle: i64,
    /// How it bargains at the table when the computer plays it.
    pub temperament: Temperament,
}

/// An actor's starting position, limit and weight on one issue.
#[derive(Debug, Clone, Copy)]
pub struct Stance {
    pub issue: IssueId,
    pub position: PosId,
    pub limit: PosId,
    pub weight: i64,
}

/// An issue and its ordered positions.
#[derive(Debug, Clone)]
pub struct Issue {
    pub id: String,
    pub name: String,
    pub description: String,
    pub positions: Vec<Position>,
}

/// A labelled position on an issue.
#[derive(Debug, Clone)]
pub struct Position {
    pub id: String,
    pub label: String,
    pub sources: Vec<Cite>,
}

/// A numeric quantity the game tracks.
#[derive(Debug, Clone)]
pub struct Variable {
    pub id: String,
    pub label: String,
    pub description: String,
    pub initial: i64,
    pub min: i64,
    pub max: i64,
    pub per_week: i64,
    pub unit: String,
}

/// A yes/no quantity the game tracks.
#[derive(Debug, Clone)]
pub struct Flag {
    pub id: String,
    pub label: String,
    pub initial: bool,
}

/// One dated timeline entry.
#[derive(Debug, Clone)]
pub enum Entry {
    Event(Event),
    Decision(Decision),
}

impl Entry {
    pub fn id(&self) -> &str {
        match self {
            Entry::Event(e) => &e.id,
            Entry::Decision(d) => &d.id,
        }
    }
    pub fn date(&self) -> NaiveDate {
        match self {
            Entry::Event(e) => e.date,
            Entry::Decision(d) => d.date,
        }
    }
    /// How the date reads: its label when it has one, else the ISO date.
    pub fn date_text(&self) -> String {
        let (date, label) = match self {
            Entry::Event(e) => (e.date, &e.date_label),
            Entry::Decision(d) => (d.date, &d.date_label),
        };
        label.clone().unwrap_or_else(|| date.to_string())
    }
    pub fn title(&self) -> &str {
        match self {
            Entry::Event(e) => &e.title,
            Entry::Decision(d) => &d.title,
        }
    }
    pub fn as_event(&self) -> Option<&Event> {
        match self {
            Entry::Event(e) => Some(e),
            Entry::Decision(_) => None,
        }
    }
    pub fn as_decision(&self) -> Option<&Decision> {
        match self {
            Entry::Decision(d) => Some(d),
            Entry::Event(_) => None,
        }
    }
}

/// Who learns of an event, and when.
#[derive(Debug, Clone)]
pub enum Visibility {
    Public,
    Private(Vec<ActorId>),
    Intelligence {
        among: Vec<ActorId>,
        to: Vec<ActorId>,
        delay_days: u32,
        reliability: String,
    },
}

impl Visibility {
    /// Whether `actor` learns of the event the moment it happens (not by a later report).
    pub fn known_at_once_to(&self, actor: ActorId) -> bool {
        match self {
            Visibility::Public => true,
            Visibility::Private(list) => list.contains(&actor),
            Visibility::Intelligence { among, .. } => among.contains(&actor),
        }
    }
}

/// A figure from the sources; a range when they disagree.
#[derive(Debug, Clone)]
pub struct Figure {
    pub label: String,
    pub low: i64,
    pub high: i64,
    pub unit: String,
    pub note: String,
    /// The figure is shown only if this holds when its event fires.
    pub when: Cond,
}

impl Figure {
    /// "25,000–29,000 prisoners (disputed)" or "684 prisoners".
    pub fn text(&self) -> String {
        let unit = if self.unit.is_empty() {
            String::new()
        } else {
            format!(" {}", self.unit)
        };
        if self.low == self.high {
            format!("{}{unit}", thousands(self.low))
        } else {
            format!(
                "{}\u{2013}{}{unit} (disputed)",
                thousands(self.low),
                thousands(self.high)
            )
        }
    }
}

/// 25000 → "25,000".
pub fn thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0 { format!("-{out}") } else { out }
}

/// Something that happens on a date if its condition holds.
#[derive(Debug, Clone)]
pub struct Event {
    pub id: String,
    pub date: NaiveDate,
    pub date_label: Option<String>,
    pub title: String,
    pub text: String,
    pub actors: Vec<ActorId>,
    pub visibility: Visibility,
    pub sources: Vec<Cite>,
    pub figures: Vec<Figure>,
    pub counterfactual: bool,
    pub when: Cond,
    pub chance: Option<u32>,
    pub effects: Vec<Effect>,
    /// Questions for a class discussion.
    pub discussion: Vec<Question>,
    /// What the plain title and text take as true when the event fires.
    pub presumes: Cond,
    /// Other wordings, each with its condition: the first that holds when the event
    /// fires is shown (see [`crate::engine::Game::event_text`]).
    pub texts: Vec<EventText>,
    /// Events that contradict this one (never on the same day in a true story).
    pub excludes: Vec<EntryId>,
    /// An aftermath event: it fires this many days after the game's own agreement.
    pub after_agreement: Option<u32>,
    /// Dated before the historical agreement but true after the game's agreement too.
    pub in_peace: bool,
}

/// A wording of an event for one situation.
#[derive(Debug, Clone)]
pub struct EventText {
    pub when: Cond,
    pub text: String,
    /// Replaces the event's title when given.
    pub title: Option<String>,
}

/// A moment where one role decides.
#[derive(Debug, Clone)]
pub struct Decision {
    pub id: String,
    pub role: ActorId,
    pub date: NaiveDate,
    pub date_label: Option<String>,
    pub title: String,
    pub prompt: String,
    /// The situation as that side saw it, when no variant of `contexts` applies.
    pub context: String,
    /// Other wordings of the context, each with the condition under which it applies:
    /// the first that holds when the decision arises is shown (see
    /// [`crate::engine::Game::context_of`]).
    pub contexts: Vec<(Cond, String)>,
    pub sources: Vec<Cite>,
    pub when: Cond,
    pub options: Vec<DecisionOption>,
    /// Index of the one historical option; None for a counterfactual decision.
    pub historical: Option<usize>,
    /// The decision arises only off the historical path (it has no historical option).
    pub counterfactual: bool,
    /// Questions for a class discussion.
    pub discussion: Vec<Question>,
    /// What the title, prompt and plain context take as true when it arises.
    pub presumes: Cond,
}

impl Decision {
    /// The historical option, if the decision has one.
    pub fn historical_option(&self) -> Option<&DecisionOption> {
        self.historical.map(|h| &self.options[h])
    }
}

/// A question for a class discussion, with what historians say and where.
#[derive(Debug, Clone)]
pub struct Question {
    pub question: String,
    pub background: String,
    pub sources: Vec<Cite>,
}

/// One option of a decision.
#[derive(Debug, Clone)]
pub struct DecisionOption {
    pub id: String,
    pub label: String,
    pub text: String,
    pub requires: Cond,
    pub effects: Vec<Effect>,
    pub historical: Option<HistoricalNote>,
    /// The historical proposal this option tables.
    pub proposal: Option<ProposalId>,
    /// What the label and plain text take as true when the decision arises.
    pub presumes: Cond,
    /// Other wordings of the text, each with its condition (the first that holds when
    /// the decision arises is shown; see [`crate::engine::Game::option_text`]).
    pub texts: Vec<(Cond, String)>,
}

/// Why the real side took an option, with sources.
#[derive(Debug, Clone)]
pub struct HistoricalNote {
    pub note: String,
    pub sources: Vec<Cite>,
}

/// A resolved condition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cond {
    Always,
    Never,
    All(Vec<Cond>),
    Any(Vec<Cond>),
    Not(Box<Cond>),
    Flag(FlagId),
    AtLeast(VarId, i64),
    AtMost(VarId, i64),
    Chose(EntryId, usize),
    Fired(EntryId),
    Holds(ActorId, IssueId, PosId),
    Knows(ActorId, EntryId),
    Agreed(IssueId),
    TermsAgreed,
    Armistice,
    ArmisticeBy(NaiveDate),
    Term(IssueId, PosId),
}

/// A resolved effect.
#[derive(Debug, Clone)]
pub enum Effect {
    Add(VarId, i64),
    Set(VarId, i64),
    Raise(FlagId),
    Lower(FlagId),
    Move(ActorId, IssueId, PosId),
    Limit(ActorId, IssueId, PosId),
    Reveal(ActorId, EntryId),
    SignArmistice,
    End(String),
}

/// When an armistice (or whatever the scenario calls its agreement) is concluded, and
/// how history ended.
#[derive(Debug, Clone)]
pub struct ArmisticeRules {
    /// What the parties are trying to reach, as every text names it (default
    /// "armistice"); read it through [`Scenario::agreement_noun`].
    pub noun: String,
    pub parties: Vec<ActorId>,
    pub requires: Cond,
    pub signing_after_days: u32,
    /// The date of the historical agreement, or the date the talks ended without one.
    pub historical_date: NaiveDate,
    /// The date the historical terms were agreed (the end date when there were none).
    pub historical_terms_date: NaiveDate,
    /// One position per issue, in issue order; None when history reached no agreement.
    pub historical_terms: Option<Vec<PosId>>,
    /// How the talks ended, when history reached no agreement.
    pub historical_end: Option<String>,
    pub sources: Vec<Cite>,
}

impl ArmisticeRules {
    /// Whether history reached an agreement.
    pub fn agreed_in_history(&self) -> bool {
        self.historical_terms.is_some()
    }

    /// The historical term on issue `i`, if history reached an agreement.
    pub fn historical_term(&self, i: IssueId) -> Option<PosId> {
        self.historical_terms.as_ref().map(|t| t[i.0])
    }
}

/// What a role is trying to achieve.
#[derive(Debug, Clone)]
pub struct Objective {
    pub id: String,
    pub role: ActorId,
    pub text: String,
    pub test: Cond,
}

impl Scenario {
    /// What the parties are trying to reach, as the texts name it: "armistice" unless
    /// the scenario says otherwise (`noun:` in `armistice:`).
    pub fn agreement_noun(&self) -> &str {
        &self.armistice.noun
    }
    /// [`Scenario::agreement_noun`] with a capital first letter, to begin a sentence.
    pub fn agreement_noun_capitalised(&self) -> String {
        capitalise(&self.armistice.noun)
    }
    pub fn actor_by_id(&self, id: &str) -> Option<ActorId> {
        self.actors.iter().position(|a| a.id == id).map(ActorId)
    }
    pub fn entry_by_id(&self, id: &str) -> Option<EntryId> {
        self.timeline.iter().position(|e| e.id() == id).map(EntryId)
    }
    pub fn actor(&self, id: ActorId) -> &Actor {
        &self.actors[id.0]
    }
    pub fn entry(&self, id: EntryId) -> &Entry {
        &self.timeline[id.0]
    }
    pub fn playable(&self) -> impl Iterator<Item = (ActorId, &Actor)> {
        self.actors
            .iter()
            .enumerate()
            .filter(|(_, a)| a.playable)
            .map(|(i, a)| (ActorId(i), a))
    }
    /// The stance of an actor on an issue, if it has one.
    pub fn stance(&self, actor: ActorId, issue: IssueId) -> Option<&Stance> {
        self.actors[actor.0]
            .stances
            .iter()
            .find(|s| s.issue == issue)
    }
    pub fn position_label(&self, issue: IssueId, pos: PosId) -> &str {
        &self.issues[issue.0].positions[pos.0].label
    }
    /// A package (one position or none per issue) in words: "issue: position" for each
    /// issue it sets, in the scenario's issue order; open issues left out.
    pub fn terms_in_words(&self, terms: &[Option<PosId>]) -> Vec<String> {
        terms
            .iter()
            .enumerate()
            .filter_map(|(i, p)| {
                let p = (*p)?;
                Some(format!(
                    "{}: {}",
                    self.issues[i].name, self.issues[i].positions[p.0].label
                ))
            })
            .collect()
    }
    /// The passage of a source that a citation quotes: the whole paragraph (or annex
    /// entry) containing the quote, when the source ships its text.
    pub fn passage(&self, cite: &Cite) -> Option<String> {
        let text = self.sources[cite.source.0].text.as_deref()?;
        text::passage(text, cite.quote.as_deref()?)
    }
    /// "OCI-53, annex, 8 October 1952".
    pub fn cite_text(&self, cite: &Cite) -> String {
        let src = &self.sources[cite.source.0].id;
        if cite.at.is_empty() {
            src.clone()
        } else {
            format!("{src}, {}", cite.at)
        }
    }
    /// The cites of a list, joined by "; ".
    pub fn cites_text(&self, cites: &[Cite]) -> String {
        cites
            .iter()
            .map(|c| self.cite_text(c))
            .collect::<Vec<_>>()
            .join("; ")
    }
    /// Every decision for a role, in timeline order.
    pub fn decisions_for(&self, role: ActorId) -> impl Iterator<Item = (EntryId, &Decision)> {
        self.timeline
            .iter()
            .enumerate()
            .filter_map(move |(i, e)| match e {
                Entry::Decision(d) if d.role == role => Some((EntryId(i), d)),
                _ => None,
            })
    }
}

/// "armistice" → "Armistice": the first letter in upper case.
pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
