//! The open data's data dictionary: each dataset's fields with their meaning in Korean and
//! English (the `/open-data` page). A server test holds it to the published JSON Schema, so a
//! field added to one and not the other fails.

/// (field, type, Korean, English).
pub type FieldDoc = (&'static str, &'static str, &'static str, &'static str);

/// (dataset, Korean title, English title, fields).
pub static DATASETS: &[(&str, &str, &str, &[FieldDoc])] = &[
    (
        "incidents",
        "공개 장애",
        "Published incidents",
        &[
            ("reference", "text", "접수번호 (변하지 않는 식별자)", "Reference (the stable identifier)"),
            ("url", "text", "공개 요약 주소", "Address of the public summary"),
            ("operator", "text", "사업자 약칭", "Operator's short name"),
            ("operator_ko", "text", "사업자명 (국문)", "Operator (Korean)"),
            ("operator_en", "text", "사업자명 (영문)", "Operator (English)"),
            ("headline_ko", "text", "제목 (국문)", "Headline (Korean)"),
            ("headline_en", "text", "제목 (영문)", "Headline (English)"),
            ("onset_at", "RFC 3339 UTC", "발생 시각", "Onset"),
            (
                "duration_minutes",
                "integer",
                "발생부터 복구까지 분 (복구 전에는 비어 있음)",
                "Minutes from onset to restoration (empty until restored)",
            ),
            ("users_affected", "integer", "영향받은 이용자 수", "Users affected"),
            ("user_minutes", "integer", "이용자 수 × 분", "Users affected × minutes"),
            (
                "cause_category",
                "code",
                "원인 분류 (SYSTEM_FAILURE, EXTERNAL_EVENT 등)",
                "Cause category (SYSTEM_FAILURE, EXTERNAL_EVENT…)",
            ),
            (
                "services",
                "list",
                "영향받은 서비스 (CSV에서는 '; '로 구분)",
                "Services affected (separated by '; ' in CSV)",
            ),
            (
                "commitments",
                "code",
                "조치 이행 상황: none, open, overdue, done, verified",
                "Commitments: none, open, overdue, done, verified",
            ),
            ("published_at", "RFC 3339 UTC", "처음 공개한 시각", "First published"),
            ("updated_at", "RFC 3339 UTC", "마지막 공개·정정 시각", "Last published or corrected"),
        ],
    ),
    (
        "measures",
        "공개된 조치",
        "Published measures",
        &[
            ("reference", "text", "장애 접수번호", "Incident reference"),
            ("measure", "integer", "장애별 조치 순번 (1부터)", "The measure's number on its incident (from 1)"),
            (
                "kind",
                "code",
                "조치 종류: guidance, corrective_order, correction_request, administrative_fine, penalty_surcharge",
                "Kind: guidance, corrective_order, correction_request, administrative_fine, penalty_surcharge",
            ),
            ("legal_basis", "text", "법적 근거", "Legal basis"),
            ("content", "text", "조치 내용 (비공개 부분 제외)", "What was ordered (withheld passages left out)"),
            ("due_at", "RFC 3339 UTC", "이행 기한", "Deadline"),
            ("amount_krw", "integer", "과태료·과징금 (원)", "Fine or surcharge (KRW)"),
            (
                "status",
                "code",
                "이행 상황: none, open, overdue, done, verified",
                "Status: none, open, overdue, done, verified",
            ),
        ],
    ),
    (
        "commitments",
        "이행 항목",
        "Commitments",
        &[
            ("reference", "text", "장애 접수번호", "Incident reference"),
            ("measure", "integer", "조치 순번", "Measure number"),
            ("item", "integer", "조치 안 항목 순번 (1부터)", "The item's number in its measure (from 1)"),
            ("text", "text", "이행할 내용", "What is to be done"),
            (
                "state",
                "code",
                "상태: required, done, accepted, rejected, waived",
                "State: required, done, accepted, rejected, waived",
            ),
        ],
    ),
];
