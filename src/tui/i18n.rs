//! Every label of the console, in Vietnamese (default) and English, from one table.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    pub fn parse(s: &str) -> Option<Lang> {
        match s.to_ascii_lowercase().as_str() {
            "vi" | "vn" | "vie" => Some(Lang::Vi),
            "en" | "eng" => Some(Lang::En),
            _ => None,
        }
    }
}

/// (key, Vietnamese, English)
const LABELS: &[(&str, &str, &str)] = &[
    ("app", "Giao ban Đề án 06", "Đề án 06 briefing"),
    ("view.overview", "Tổng quan", "Overview"),
    ("view.models", "Mô hình", "Models"),
    ("view.tasks", "Nhiệm vụ", "Tasks"),
    ("view.overdue", "Quá hạn", "Overdue"),
    ("view.blockers", "Vướng mắc", "Blockers"),
    ("view.units", "Đơn vị", "Units"),
    ("view.localities", "Địa phương", "Localities"),
    ("view.findings", "Sai lệch", "Findings"),
    ("view.help", "Trợ giúp", "Help"),
    ("view.meeting", "Họp", "Meeting"),
    ("as_of", "Số liệu đến ngày", "As of"),
    ("loading.opening", "Đang mở:", "Opening:"),
    (
        "loading.shipped",
        "dữ liệu đi kèm chương trình",
        "the shipped data",
    ),
    (
        "loading.start",
        "Bắt đầu đọc dữ liệu…",
        "Starting to read the data…",
    ),
    (
        "loading.read",
        "Đọc và phân tích tệp…",
        "Reading and parsing the files…",
    ),
    (
        "loading.from_cache",
        "Đang đọc từ bộ nhớ đệm (dữ liệu không đổi từ lần mở trước)…",
        "Reading from the cache (the data has not changed since it was last opened)…",
    ),
    ("loading.index", "Lập chỉ mục…", "Indexing…"),
    (
        "loading.check",
        "Kiểm tra và đối chiếu các nguồn…",
        "Checking and reconciling the sources…",
    ),
    (
        "loading.write_cache",
        "Lưu bộ nhớ đệm cho lần mở sau…",
        "Keeping a cache for the next time…",
    ),
    (
        "loading.prepare",
        "Đã đọc xong; đang chuẩn bị bảng điều khiển…",
        "Loaded; preparing the console…",
    ),
    ("loading.files_read", "Đã đọc", "Read"),
    ("loading.files", "tệp", "files"),
    ("loading.seconds", "giây", "s"),
    ("read_only", "CHỈ ĐỌC", "READ-ONLY"),
    (
        "msg.meeting_not_recorded",
        "Cuộc họp không được ghi vào sổ",
        "The meeting is not recorded",
    ),
    (
        "meeting.chair",
        "Chủ trì (Enter để bỏ trống)",
        "Chair (Enter to leave blank)",
    ),
    (
        "meeting.participants",
        "Thành phần tham dự (Enter để bỏ trống)",
        "Participants (Enter to leave blank)",
    ),
    (
        "meeting.place",
        "Địa điểm (Enter để bỏ trống và mở cuộc họp)",
        "Place (Enter to leave blank and open the meeting)",
    ),
    (
        "msg.already_resolved",
        "đã giải quyết, x không đổi gì nữa (u để hoàn tác)",
        "already resolved: x changes nothing (u to undo)",
    ),
    (
        "overview.extraction_notes",
        "ghi chú trích xuất",
        "extraction notes",
    ),
    ("help.clear", "xoá lọc", "clear the filter"),
    ("count.related", "mục liên quan", "related records"),
    ("help.close", "đóng trợ giúp", "close help"),
    ("help.keep", "giữ bộ lọc", "keep the filter"),
    ("help.scroll", "cuộn", "scroll"),
    ("help.no_match", "Không có phím nào khớp", "No key matches"),
    (
        "msg.nothing_to_undo",
        "Không còn gì để hoàn tác / làm lại",
        "Nothing to undo / redo",
    ),
    (
        "msg.no_journal",
        "Chưa mở sổ quyết định: không ghi được quyết định",
        "No decision journal is open: decisions cannot be recorded",
    ),
    (
        "msg.conclude_in_meeting",
        "Kết luận được ghi trong chế độ họp (M)",
        "Conclusions are written in meeting mode (M)",
    ),
    (
        "msg.select_item",
        "Chọn một nhiệm vụ hoặc vướng mắc trước",
        "Select a task or a blocker first",
    ),
    ("msg.exported", "Đã xuất", "Exported"),
    ("msg.rows", "dòng", "rows"),
    ("msg.columns", "cột", "columns"),
    ("msg.export_failed", "Không xuất được:", "Could not export:"),
    (
        "msg.export_nothing",
        "Không có bảng nào trên màn hình để xuất",
        "No table on screen to export",
    ),
    (
        "msg.copied",
        "Đã chép dòng đang chọn vào bộ nhớ tạm (dán được vào Word, Excel, Zalo)",
        "The selected row is on the clipboard, as plain text",
    ),
    (
        "msg.minutes_written",
        "Đã ghi thông báo kết luận:",
        "Conclusions notice written:",
    ),
    (
        "prompt.assign",
        "Giao cho đơn vị (gõ để tìm, ↑↓ chọn, Enter)",
        "Assign to unit (type to search, ↑↓, Enter)",
    ),
    (
        "prompt.due",
        "Hạn mới (YYYY-MM-DD hoặc DD/MM/YYYY)",
        "New deadline (YYYY-MM-DD or DD/MM/YYYY)",
    ),
    ("prompt.note", "Ghi chú", "Note"),
    ("prompt.conclusion", "Kết luận", "Conclusion"),
    ("finding.group", "số nhóm", "group"),
    ("finding.list", "danh sách", "list"),
    ("finding.headline", "tổng hợp", "headline"),
    ("finding.percent", "tỷ lệ %", "percent"),
    ("finding.numbering", "đánh số", "numbering"),
    ("finding.deadline", "thời hạn", "deadline"),
    ("finding.deployment", "nơi triển khai", "deployment"),
    ("finding.conflict", "số liệu vênh", "conflicting figures"),
    ("finding.extraction", "ghi chú", "note"),
    ("col.no", "STT", "No."),
    ("col.group", "Nhóm", "Group"),
    ("col.title", "Nội dung", "Title"),
    ("col.coverage", "Triển khai", "Deployed"),
    (
        "field.coverage_printed",
        "* số báo cáo toàn quốc ghi; báo cáo không nêu tên các tỉnh",
        "* the count the national report prints; it names no provinces",
    ),
    ("col.printed", "Số ghi", "Printed"),
    ("col.source", "Nguồn", "Source"),
    ("col.lead", "Chủ trì", "Lead"),
    ("col.due", "Hạn", "Due"),
    ("col.status", "Trạng thái", "Status"),
    ("col.late", "Trễ ngày", "Late (d)"),
    ("col.kind", "Loại", "Kind"),
    ("col.cause", "Nguyên nhân", "Cause"),
    ("col.responsible", "Trách nhiệm", "Responsible"),
    ("col.attached", "Gắn với", "Attached to"),
    ("col.name", "Tên", "Name"),
    ("col.level", "Cấp", "Level"),
    ("col.province", "Tỉnh", "Province"),
    ("unit.every_province", "mọi tỉnh", "every province"),
    ("col.tasks", "Nhiệm vụ", "Tasks"),
    ("col.overdue", "Quá hạn", "Overdue"),
    ("col.blockers", "Vướng mắc", "Blockers"),
    ("col.models", "Mô hình", "Models"),
    ("col.today", "Tỉnh mới", "Province today"),
    ("col.report_date", "Báo cáo gần nhất", "Latest report"),
    ("col.absorbed", "Sáp nhập từ", "Absorbed"),
    ("col.message", "Nội dung sai lệch", "Disagreement"),
    ("col.decision", "Quyết định", "Decision"),
    ("frame.old", "63 tỉnh (2024)", "63 provinces (2024)"),
    ("frame.new", "34 tỉnh (nay)", "34 provinces (today)"),
    ("filter", "Lọc", "Filter"),
    // Free words that spell a place find its records and those that name it; words that
    // spell a unit find every record where each word begins a word: said so, never "=".
    (
        "filter.place",
        "{term} và nơi nhắc đến",
        "{term} and records naming it",
    ),
    ("filter.unit", "gần với {term}", "close to {term}"),
    (
        "filter.hint",
        "gõ để lọc · Enter giữ · Esc xoá",
        "type to filter · Enter keep · Esc clear",
    ),
    ("detail", "Chi tiết", "Detail"),
    (
        "detail.none",
        "Không có dòng nào được chọn",
        "Nothing selected",
    ),
    ("source", "Nguồn", "Source"),
    ("too_small", "Cửa sổ quá nhỏ", "Window too small"),
    ("too_small.need", "cần ít nhất", "needs at least"),
    ("empty", "Không có dòng nào", "No rows"),
    (
        "empty.filter",
        "Không có dòng nào khớp bộ lọc",
        "No row matches the filter",
    ),
    (
        "help.title",
        "Phím tắt (theo bảng phím đang dùng)",
        "Keys (from the live key map)",
    ),
    (
        "help.filter",
        "gõ để lọc trợ giúp",
        "type to filter the help",
    ),
    (
        "quit.confirm",
        "Còn thay đổi chưa lưu. Thoát? (y/n)",
        "Unsaved changes. Quit? (y/n)",
    ),
    ("overview.totals", "Tổng số", "Totals"),
    ("col.score", "Điểm", "Score"),
    ("field.score", "Điểm", "Score"),
    ("field.score_counts", "Tính từ", "From"),
    (
        "field.conclusions",
        "Kết luận đã thực hiện",
        "Conclusions carried out",
    ),
    ("field.formula", "Công thức", "Formula"),
    ("field.group", "Nhóm tình trạng", "Status group"),
    ("col.rank", "Hạng", "Rank"),
    ("col.change", "± kỳ trước", "± previous"),
    ("overview.of_due", "nhiệm vụ đã đến hạn", "tasks due"),
    (
        "overview.coverage",
        "Mô hình: số tỉnh triển khai theo nhóm (trung bình)",
        "Models: provinces deployed by group (average)",
    ),
    (
        "overview.status",
        "Nhiệm vụ theo nhóm tình trạng",
        "Tasks by status group",
    ),
    (
        "overview.overdue_by_unit",
        "Quá hạn theo đơn vị chủ trì (mỗi đơn vị đều tính)",
        "Overdue by lead unit (each lead counted)",
    ),
    (
        "overview.blockers_by_cause",
        "Vướng mắc theo nguyên nhân",
        "Blockers by cause",
    ),
    (
        "overview.report_age",
        "Tuổi báo cáo gần nhất của tỉnh",
        "Age of each province's latest report",
    ),
    ("unknown_cause", "chưa rõ", "unknown"),
    ("days", "ngày", "days"),
    ("page.tasks_led", "Nhiệm vụ chủ trì", "Tasks led"),
    (
        "page.tasks_involved",
        "Nhiệm vụ phối hợp",
        "Tasks coordinated",
    ),
    ("page.tasks", "Nhiệm vụ", "Tasks"),
    ("page.blockers", "Vướng mắc", "Blockers"),
    ("page.models", "Mô hình", "Models"),
    (
        "page.models_deployed",
        "Mô hình đã triển khai",
        "Models deployed",
    ),
    ("page.indicators", "Chỉ số", "Indicators"),
    (
        "page.assessments",
        "Đánh giá theo từng nguồn",
        "Assessments by source",
    ),
    (
        "page.deployed",
        "Địa phương có tên là đã triển khai",
        "Localities named as deployed",
    ),
    (
        "page.not_deployed",
        "Địa phương chưa triển khai",
        "Localities not yet deployed",
    ),
    (
        "page.no_national_list",
        "báo cáo toàn quốc không nêu tên các địa phương, nên không biết tỉnh nào chưa triển khai",
        "the national assessment names no localities, so which have not deployed is not known",
    ),
    ("page.units", "Đơn vị", "Units"),
    ("page.localities", "Địa phương", "Localities"),
    (
        "page.absorbed",
        "Các tỉnh cũ đã sáp nhập",
        "Old provinces absorbed",
    ),
    ("page.reports", "Báo cáo", "Reports"),
    ("page.findings", "Sai lệch", "Findings"),
    ("page.related", "Liên quan", "Related"),
    ("kind.task", "Nhiệm vụ", "Task"),
    ("kind.blocker", "Vướng mắc", "Blocker"),
    ("kind.model", "Mô hình", "Model"),
    ("kind.assessment", "Đánh giá", "Assessment"),
    ("kind.unit", "Đơn vị", "Unit"),
    ("kind.locality", "Địa phương", "Locality"),
    ("kind.today", "Tỉnh (nay)", "Province (today)"),
    ("kind.indicator", "Chỉ số", "Indicator"),
    ("kind.finding", "Sai lệch", "Finding"),
    ("kind.report", "Báo cáo", "Report"),
    ("blocker.difficulty", "Khó khăn", "Difficulty"),
    ("blocker.gap", "Tồn tại", "Gap"),
    ("blocker.proposal", "Kiến nghị", "Proposal"),
    ("level.central", "Trung ương", "Central"),
    ("level.province", "Tỉnh", "Province"),
    ("level.district", "Huyện", "District"),
    ("level.commune", "Xã", "Commune"),
    ("level.business", "Doanh nghiệp", "Business"),
    ("field.lead", "Chủ trì", "Lead"),
    ("field.coord", "Phối hợp", "Coordinating"),
    ("field.force", "Lực lượng triển khai", "Deploying force"),
    ("field.deadline", "Thời hạn", "Deadline"),
    ("field.due", "Đến hạn", "Due"),
    ("field.status", "Trạng thái báo cáo", "Reported status"),
    ("field.result", "Kết quả", "Result"),
    ("field.steps", "Các bước", "Steps"),
    ("field.equipment", "Thiết bị, kinh phí", "Equipment, cost"),
    ("field.note", "Ghi chú", "Note"),
    ("field.businesses", "Doanh nghiệp", "Businesses"),
    ("field.model", "Mô hình", "Model"),
    ("field.locality", "Địa phương", "Locality"),
    ("field.causes", "Nguyên nhân", "Causes"),
    (
        "field.cause_raw",
        "Nguyên nhân (nguyên văn)",
        "Cause (as written)",
    ),
    (
        "field.no_status_column",
        "báo cáo không ghi trạng thái",
        "the report gives no status",
    ),
    ("field.responsible", "Trách nhiệm", "Responsible"),
    ("field.solution", "Giải pháp", "Solution"),
    ("field.addressees", "Kiến nghị tới", "Addressed to"),
    ("field.difficulties", "Khó khăn", "Difficulties"),
    ("field.effectiveness", "Hiệu quả", "Effectiveness"),
    ("field.cost", "Kinh phí", "Cost"),
    ("field.replication", "Nhân rộng", "Replication"),
    ("field.localities", "Địa phương", "Localities"),
    ("field.printed", "Số ghi trong báo cáo", "Count as printed"),
    ("field.listed", "Số địa phương liệt kê", "Localities listed"),
    (
        "field.printed_vs_computed",
        "Ghi / Tính lại",
        "Printed / Computed",
    ),
    ("field.today", "Nay thuộc", "Now part of"),
    ("field.late", "Trễ", "Late"),
    ("field.aliases", "Cách viết khác", "Other spellings"),
    ("field.value", "Giá trị", "Value"),
    (
        "field.percent",
        "Tỉ lệ ghi / tính",
        "Percent printed / computed",
    ),
    ("field.headline", "Số liệu tổng hợp", "Headline figures"),
    ("field.issuer", "Cơ quan ban hành", "Issuer"),
    ("field.date", "Ngày", "Date"),
    ("field.decision", "Quyết định", "Decision"),
    ("field.reported", "Báo cáo ghi", "Reported"),
    ("deadline.recurring", "thường xuyên", "recurring"),
    ("deadline.roadmap", "theo lộ trình", "roadmap"),
    ("deadline.invalid", "không đọc được", "unreadable"),
    ("none", "—", "—"),
    ("hint.help", "trợ giúp", "help"),
    ("hint.filter", "lọc", "filter"),
    ("hint.open", "mở", "open"),
    ("hint.back", "quay lại", "back"),
    ("hint.sort", "sắp xếp", "sort"),
    ("hint.quit", "thoát", "quit"),
    ("hint.next", "mục sau", "next"),
    ("hint.prev", "mục trước", "previous"),
    ("hint.triage", "trạng thái", "state"),
    ("hint.assign", "giao", "assign"),
    ("hint.due", "hạn mới", "deadline"),
    ("hint.conclude", "kết luận", "conclude"),
    ("hint.minutes", "thông báo", "notice"),
    ("hint.end_meeting", "kết thúc họp", "end meeting"),
];

pub fn t(lang: Lang, key: &str) -> &'static str {
    match try_t(lang, key) {
        Some(label) => label,
        None => {
            // A label missing from the table is a bug: the tests, which draw every view,
            // stop on it; a release build shows "?".
            debug_assert!(false, "no label '{key}' in the label table");
            "?"
        }
    }
}

/// The label, when the table has one.
pub fn try_t(lang: Lang, key: &str) -> Option<&'static str> {
    LABELS
        .iter()
        .find(|(k, _, _)| *k == key)
        .map(|(_, vi, en)| if lang == Lang::Vi { *vi } else { *en })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_is_unique_and_translated() {
        let mut keys: Vec<&str> = LABELS.iter().map(|l| l.0).collect();
        keys.sort();
        let n = keys.len();
        keys.dedup();
        assert_eq!(keys.len(), n, "duplicate label key");
        assert!(LABELS
            .iter()
            .all(|(_, vi, en)| !vi.is_empty() && !en.is_empty()));
        assert_eq!(t(Lang::En, "view.tasks"), "Tasks");
        assert_eq!(t(Lang::Vi, "view.tasks"), "Nhiệm vụ");
    }
}
