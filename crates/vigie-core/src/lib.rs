//! The types every vigie stage shares.
//!
//! Data flows one way through the pipeline (`ingest -> text -> annotate ->
//! extract -> merge -> store`) and these are the values passed between the
//! stages: an [`Article`] with its original text and cleaned [`Span`]s, the
//! [`Mention`]s found in it, the [`Event`]s built from them and the
//! [`Diagnostic`]s that report anything wrong with the input. Everything here
//! is plain data; nothing in this crate reads files or panics on input.

pub mod article;
pub mod date;
pub mod diagnostic;
pub mod event;
pub mod geo;
pub mod gold;
pub mod mention;
pub mod span;
pub mod taxonomy;

pub use article::{Article, InputFormat, MetaSource, Origin};
pub use date::{FuzzyDate, Precision};
pub use diagnostic::{Diagnostic, Severity};
pub use event::{Event, Provenance};
pub use gold::ArticleEvents;
pub use mention::{
    ActorMention, ClaimMention, Counted, DateMention, Hedge, Mention, MentionValue, NumberMention,
    PlaceMention, TriggerMention,
};
pub use span::Span;
pub use taxonomy::{EventType, SubEventType};
