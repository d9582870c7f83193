use super::*;

#[test]
fn files_are_recognised_by_content_not_by_name() {
    assert_eq!(sniff(b"%PDF-1.7 ...", "report.txt"), Some("application/pdf"));
    assert_eq!(sniff(b"\x89PNG\r\n\x1a\n....", "x"), Some("image/png"));
    assert_eq!(sniff(&[0xFF, 0xD8, 0xFF, 0xE0], "x.jpg"), Some("image/jpeg"));
    assert_eq!(sniff("시각,내용\n15:19,화재".as_bytes(), "timeline.CSV"), Some("text/csv; charset=utf-8"));
    assert_eq!(sniff(b"plain notes", "notes"), Some("text/plain; charset=utf-8"));
    assert_eq!(sniff(b"MZ\x90\x00\x03\x00", "rca.pdf"), None, "an executable renamed .pdf");
    assert_eq!(sniff(b"<html>\0", "x.txt"), None, "binary with NUL bytes");
}

#[test]
fn download_names_lose_paths_quotes_and_control_characters() {
    assert_eq!(clean_file_name("../../etc/passwd"), "passwd");
    assert_eq!(clean_file_name("C:\\Users\\kim\\원인 분석.pdf"), "원인 분석.pdf");
    assert_eq!(clean_file_name("a\"b;c\r\n.txt"), "abc.txt");
    assert_eq!(clean_file_name("   "), "evidence");
}
