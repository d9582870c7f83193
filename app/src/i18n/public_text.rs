//! The messages of the public side: search, operator records, feeds and open data (issue
//! #14). A link in the chain of message files (see `mod.rs`).

macro_rules! public_messages {
    ($($rest:tt)*) => {
        api_messages! {
            $($rest)*
            SearchTitle => "장애 찾기", "Find an incident";
            SearchText => "검색어", "Search";
            SearchTextHint => "제목, 사업자, 서비스, 접수번호 (한국어·영어)", "Headline, operator, service or reference (Korean or English)";
            FilterOperator => "사업자", "Operator";
            FilterService => "서비스", "Service";
            FilterCause => "원인 분류", "Cause category";
            FilterYear => "연도", "Year";
            FilterDuration => "장애 시간", "Duration";
            FilterCommitments => "조치 이행", "Commitments";
            AnyOption => "전체", "Any";
            SearchButton => "찾기", "Search";
            ClearFilters => "조건 지우기", "Clear the search";
            FirstPage => "첫 페이지", "First page";
            NoResults => "조건에 맞는 공개 장애가 없습니다.", "No published incident matches this search.";
            ResultsNewestFirst => "최근 발생한 순서로 한 페이지에 20건씩 보여 줍니다.", "Newest first, 20 to a page.";
            FeedTitle => "장애 신고 데스크 공개 장애 피드", "Outage Desk published incidents feed";
            SubscribeTitle => "구독과 내려받기", "Subscribe and download";
            AtomFeed => "Atom 피드", "Atom feed";
            JsonFeed => "JSON 피드", "JSON Feed";
            OpenDataLink => "공공데이터 (CSV·JSON)", "Open data (CSV, JSON)";
            OperatorFeed => "이 사업자의 Atom 피드", "This operator's Atom feed";
            Duration => "장애 시간", "Duration";
            NotRestored => "복구 전", "Not restored";
            UsersAffectedShort => "영향 이용자", "Users affected";
            OperatorRecordTitle => "사업자별 장애 기록", "Operator record";
            OperatorRecordIntro => "공개된 장애 요약만으로 집계했습니다. 과기정통부의 판단과 조치는 공개 요약에 실린 그대로입니다.", "Counted from published summaries only. The ministry's findings and measures are as published.";
            YearColumn => "연도", "Year";
            IncidentsColumn => "장애 수", "Incidents";
            ByYearTitle => "연도별 기록", "Year by year";
            ByYearChart => "연도별 장애 수", "Incidents per year";
            CausesTitle => "원인 분류", "Causes";
            RecurringTag => "반복", "Recurring";
            MeasuresImposed => "부과된 조치와 이행 상황", "Measures imposed and their commitments";
            CommitmentStatus => "이행 상황", "Status";
            ItemsColumn => "이행 항목", "Items";
            IncidentColumn => "장애", "Incident";
            RecordMeasuresShown => "기한을 넘긴 조치와 이행 중인 조치부터 보여 줍니다", "The most pressing measures first: overdue, then open";
            RecordMeasuresAll => "모든 조치는 공공데이터에 있습니다", "every measure is in the open data";
            RecordIncidentsAll => "이 사업자의 공개된 장애 전체 보기", "All published incidents of this operator";
            AllIncidentsOf => "공개된 장애", "Published incidents";
            KnockOnTitle => "연쇄 영향", "Knock-on effects";
            KnockOnHint => "이 서비스에 의존하는 다른 서비스도 함께 멈췄을 수 있습니다 (신고서에 적힌 의존 관계).", "Other services that depend on this one may have stopped too (the dependencies the filing names).";
            OpenDataTitle => "공공데이터", "Open data";
            OpenDataIntro => "공개된 장애 요약, 부과된 조치, 이행 항목을 CSV(엑셀용 UTF-8, BOM 포함)와 JSON으로 내려받을 수 있습니다. 식별자는 접수번호이고 시각은 RFC 3339 UTC입니다. 공개 요약이 공개되거나 정정될 때 바로 갱신되며, 응답의 Last-Modified가 마지막 변경 시각입니다.", "Published incidents, the measures imposed and their commitments, as CSV (UTF-8 with a byte-order mark for spreadsheets) and JSON. Identifiers are incident references; instants are RFC 3339 UTC. Files change as soon as a summary is published or corrected; each response's Last-Modified says when that last happened.";
            OpenDataLicenceTitle => "이용 조건", "Licence";
            OpenDataLicence => "공공누리 제1유형(출처표시): 출처를 밝히면 상업적 이용과 변경을 포함해 자유롭게 이용할 수 있습니다. 출처 표기 예: '과학기술정보통신부 장애 신고 데스크'.", "Korea Open Government License Type 1 (attribution): free to use, including commercially and with changes, if the source is named, e.g. 'Ministry of Science and ICT, Outage Desk'.";
            OpenDataSchema => "JSON 스키마 (schema.json)", "JSON Schema (schema.json)";
            OpenDataField => "필드", "Field";
            OpenDataType => "형식", "Type";
            OpenDataMeaning => "뜻", "Meaning";
            OperatorRecordLink => "이 사업자의 장애 기록", "This operator's record";
        }
    };
}
