//! The crosscheck example, run as a user would: inputs, outputs, bad input.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn binary() -> PathBuf {
    // `cargo test` builds the examples next to the test binaries' folder.
    let exe = std::env::current_exe().unwrap();
    let dir = exe.parent().unwrap().parent().unwrap();
    dir.join("examples")
        .join(format!("crosscheck{}", std::env::consts::EXE_SUFFIX))
}

fn run(args: &[&str]) -> Output {
    Command::new(binary())
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the example is built by cargo test")
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("gainsay-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path.display().to_string()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn no_arguments_reads_the_seeds() {
    let out = run(&[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).starts_with("3 documents"));
    assert!(stdout(&out).contains("status-clash"));
}

#[test]
fn json_output_is_the_report() {
    let out = run(&["--json", "seeds"]);
    assert_eq!(out.status.code(), Some(0));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["documents"].as_array().unwrap().len(), 3);
    let first = &report["conflicts"][0];
    for field in [
        "kind",
        "rule",
        "subject",
        "predicate",
        "score",
        "temporal",
        "explanation",
    ] {
        assert!(!first[field].is_null(), "missing {field}");
    }
    for field in [
        "document", "sentence", "start", "end", "status", "polarity", "modality",
    ] {
        assert!(!first["a"][field].is_null(), "missing a.{field}");
    }
}

#[test]
fn an_article_of_our_own() {
    let dir = scratch("own");
    let a = write(
        &dir,
        "wire.txt",
        b"date: 2024-09-14\noutlet: Wire\n\nThe truce between the two militias is holding, the mayor said on Friday.",
    );
    let b = write(
        &dir,
        "post.md",
        b"date: 2024-09-14\n\nThe truce collapsed overnight as shelling resumed.",
    );
    let out = run(&[&a, &b]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(text.contains("2 documents, 1 conflicts"), "{text}");
    assert!(text.contains("[wire, Wire, 2024-09-13] holding"), "{text}");
}

#[test]
fn a_missing_path_is_an_error() {
    let out = run(&["no/such/article.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no/such/article.txt"));
    assert!(out.stdout.is_empty());
}

#[test]
fn a_folder_with_no_articles_is_an_error() {
    let dir = scratch("empty");
    write(&dir, "notes.csv", b"a,b\n");
    let out = run(&[&dir.display().to_string()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no articles"));
}

#[test]
fn files_that_are_not_utf8_are_skipped_and_listed() {
    let dir = scratch("binary");
    write(&dir, "good.txt", b"The talks collapsed.");
    let bad = write(&dir, "bad.txt", b"The talks \xff\xfe made progress.");
    write(&dir, "junk.txt", &[0u8, 159, 146, 150, 255, 1, 2, 3]);
    let out = run(&["--json", &dir.display().to_string()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains(&bad));
    assert!(stderr(&out).contains("offset 10"));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["documents"].as_array().unwrap().len(), 1);
    assert_eq!(report["skipped"].as_array().unwrap().len(), 2);
}

#[test]
fn an_empty_file_is_a_document_with_nothing_in_it() {
    let dir = scratch("emptyfile");
    let empty = write(&dir, "empty.txt", b"");
    let out = run(&["--json", &empty]);
    assert_eq!(out.status.code(), Some(0));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["documents"][0]["sentences"], 0);
    assert_eq!(report["conflicts"].as_array().unwrap().len(), 0);
}

#[test]
fn a_malformed_date_is_a_warning() {
    let dir = scratch("baddate");
    let file = write(&dir, "a.txt", b"date: 14/09/2024\n\nThe talks collapsed.");
    let out = run(&[&file]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("warning: line 1: malformed date"));
}

#[test]
fn usage_errors_and_help() {
    let out = run(&["--frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("unknown option"));
    let out = run(&["--min-score", "2", "seeds"]);
    assert_eq!(out.status.code(), Some(2));
    let out = run(&["--help"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("usage: crosscheck"));
}

#[test]
fn a_user_lexicon_changes_the_verdict() {
    let dir = scratch("lexicon");
    let a = write(&dir, "a.txt", b"The talks made progress.");
    let b = write(&dir, "b.txt", b"The talks are kaput.");
    let before = run(&["--json", &a, &b]);
    let report: serde_json::Value = serde_json::from_slice(&before.stdout).unwrap();
    assert_eq!(report["conflicts"].as_array().unwrap().len(), 0);
    let lexicon = write(
        &dir,
        "extra.json",
        br#"{"frames": [{"name": "talks", "statuses": {"collapsed": {"phrases": ["kaput"]}}}]}"#,
    );
    let after = run(&["--json", "--lexicon", &lexicon, &a, &b]);
    let report: serde_json::Value = serde_json::from_slice(&after.stdout).unwrap();
    assert_eq!(report["conflicts"].as_array().unwrap().len(), 1);
    // A broken lexicon is a clear error with its line.
    let broken = write(&dir, "broken.json", b"{\n  \"frames\": [\n}");
    let out = run(&["--lexicon", &broken, &a]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("line 3"), "{}", stderr(&out));
}

#[test]
fn fail_on_conflict_sets_exit_status_one() {
    assert_eq!(run(&["seeds"]).status.code(), Some(0));
    assert_eq!(run(&["--fail-on-conflict", "seeds"]).status.code(), Some(1));
    let dir = scratch("calm");
    let calm = write(&dir, "calm.txt", b"Rain fell in the capital.");
    assert_eq!(run(&["--fail-on-conflict", &calm]).status.code(), Some(0));
}

#[test]
fn thousands_of_files_are_all_read() {
    let dir = scratch("many");
    for i in 0..2_000 {
        write(
            &dir,
            &format!("n{i:04}.txt"),
            format!("Article {i}. Rain fell.").as_bytes(),
        );
    }
    write(&dir, "x-talks-up.txt", b"The talks made progress.");
    write(&dir, "x-talks-down.txt", b"The talks collapsed.");
    let out = run(&["--json", &dir.display().to_string()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["documents"].as_array().unwrap().len(), 2_002);
    assert_eq!(report["conflicts"].as_array().unwrap().len(), 1);
}

#[test]
fn a_hundred_megabytes_without_a_newline() {
    let dir = scratch("huge");
    let unit = "the talks collapsed and made progress, Lopes said; no breakthrough ";
    let size = 100 * 1024 * 1024;
    let text = unit.repeat(size / unit.len() + 1);
    let file = write(&dir, "huge.txt", text.as_bytes());
    let out = run(&["--json", &file]);
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let doc = &report["documents"][0];
    assert_eq!(doc["id"], "huge");
    assert!(doc["sentences"].as_u64().unwrap() > 50_000);
    assert_eq!(report["conflicts"].as_array().unwrap().len(), 0);
}
