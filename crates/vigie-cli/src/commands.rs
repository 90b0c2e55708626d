//! One module per subcommand.

pub mod annotate;
pub mod bench;
pub mod bench_html;
pub mod coverage;
pub mod demo;
pub mod eval;
pub mod export;
pub mod extract;
pub mod gazetteer;
pub mod geocode;
pub mod ingest;
pub mod serve;
pub mod watch;
