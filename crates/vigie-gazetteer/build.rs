//! Compiles the embedded gazetteer (`data/gazetteer/*.tsv[.gz]`) into the
//! binary index read at run time, with the folding rules of
//! `data/gazetteer/folding.tsv`. Reuses the crate's own modules.

#[path = "src/format.rs"]
#[allow(dead_code)]
mod format;
#[path = "src/key.rs"]
#[allow(dead_code)]
mod key;
#[path = "src/tsv.rs"]
#[allow(dead_code)]
mod tsv;

use std::path::PathBuf;

fn read(dir: &std::path::Path, name: &str) -> Vec<u8> {
    let p = dir.join(name);
    println!("cargo:rerun-if-changed={}", p.display());
    std::fs::read(&p).unwrap_or_else(|e| panic!("cannot read {}: {e}", p.display()))
}

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default());
    let dir = manifest.join("../../data/gazetteer");
    let rules_text = String::from_utf8(read(&dir, "folding.tsv")).unwrap_or_default();
    let rules = key::FoldRules::parse(&rules_text).unwrap_or_else(|e| panic!("folding.tsv: {e}"));
    let mut b = format::Builder::new();
    for name in ["places.tsv.gz", "overlay.tsv"] {
        let bytes = read(&dir, name);
        let text = tsv::text_of(name, &bytes).unwrap_or_else(|e| panic!("{e}"));
        for p in tsv::places(name, &text).unwrap_or_else(|e| panic!("{e}")) {
            b.add_place(p);
        }
    }
    let text =
        tsv::text_of("admin1.tsv", &read(&dir, "admin1.tsv")).unwrap_or_else(|e| panic!("{e}"));
    for a in tsv::admin1("admin1.tsv", &text).unwrap_or_else(|e| panic!("{e}")) {
        b.add_admin1(a);
    }
    let text =
        tsv::text_of("aliases.tsv", &read(&dir, "aliases.tsv")).unwrap_or_else(|e| panic!("{e}"));
    for (alias, id) in tsv::aliases("aliases.tsv", &text).unwrap_or_else(|e| panic!("{e}")) {
        if !b.add_alias(&alias, &id) {
            panic!("aliases.tsv: {alias:?} points to unknown place id {id:?}");
        }
    }
    let blob = b
        .write(&rules)
        .unwrap_or_else(|e| panic!("cannot compile the gazetteer: {e}"));
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_default()).join("gazetteer.bin");
    std::fs::write(&out, blob).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
}
