<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi" sourcelanguage="en">
<context>
    <name>AddUnitDialog</name>
    <message>
        <source>Add a unit</source>
        <translation>Thêm đơn vị</translation>
    </message>
    <message>
        <source>e.g. %1-01</source>
        <translation>ví dụ: %1-01</translation>
    </message>
    <message>
        <source>e.g. Thôn Đồng Tâm</source>
        <translation>ví dụ: Thôn Đồng Tâm</translation>
    </message>
    <message>
        <source>Village / residential group</source>
        <translation>Thôn, tổ dân phố</translation>
    </message>
    <message>
        <source>District (before July 2025)</source>
        <translation>Huyện (trước tháng 7/2025)</translation>
    </message>
    <message>
        <source>Commune</source>
        <translation>Xã, phường</translation>
    </message>
    <message>
        <source>Under:</source>
        <translation>Trực thuộc:</translation>
    </message>
    <message>
        <source>Code:</source>
        <translation>Mã:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Tên:</translation>
    </message>
    <message>
        <source>Level:</source>
        <translation>Cấp:</translation>
    </message>
    <message>
        <source>Enter both a code and a name.</source>
        <translation>Hãy nhập cả mã và tên.</translation>
    </message>
</context>
<context>
    <name>BackgroundTask</name>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>ChartExport</name>
    <message>
        <source>Chart saved: %1</source>
        <translation>Đã lưu biểu đồ: %1</translation>
    </message>
    <message>
        <source>The chart was not saved: %1</source>
        <translation>Chưa lưu được biểu đồ: %1</translation>
    </message>
    <message>
        <source>The numbers were not saved: %1</source>
        <translation>Chưa lưu được số liệu: %1</translation>
    </message>
    <message>
        <source>Numbers saved: %1</source>
        <translation>Đã lưu số liệu: %1</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>Xuất biểu đồ</translation>
    </message>
    <message>
        <source>PNG pictures (*.png)</source>
        <translation>Ảnh PNG (*.png)</translation>
    </message>
    <message>
        <source>Export numbers</source>
        <translation>Xuất số liệu</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Tệp CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>CompletenessView</name>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Filled</source>
        <translation>Đã nhập</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Hoàn thành</translation>
    </message>
    <message>
        <source>reported</source>
        <translation>đã báo cáo đủ</translation>
    </message>
    <message>
        <source>partly reported</source>
        <translation>báo cáo một phần</translation>
    </message>
    <message>
        <source>not reported</source>
        <translation>chưa báo cáo</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>có</translation>
    </message>
    <message>
        <source>%1 — %2: %3 reported, %4 partly, %5 not yet.</source>
        <translation>%1 — %2: %3 đơn vị đã báo cáo đủ, %4 báo cáo một phần, %5 chưa báo cáo.</translation>
    </message>
    <message>
        <source>partly reported: %1</source>
        <translation>báo cáo một phần: %1</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <source>%1: %2 of %3 indicators</source>
        <translation>%1: %2/%3 chỉ tiêu</translation>
    </message>
    <message>
        <source>reported</source>
        <translation>đã báo cáo đủ</translation>
    </message>
    <message>
        <source>partly reported</source>
        <translation>báo cáo một phần</translation>
    </message>
    <message>
        <source>not reported</source>
        <translation>chưa báo cáo</translation>
    </message>
    <message>
        <source>Open a database and choose a unit.</source>
        <translation>Hãy mở một cơ sở dữ liệu và chọn đơn vị.</translation>
    </message>
    <message>
        <source>Compared with %1. Click a card to see its trend.</source>
        <translation>So sánh với %1. Bấm vào một thẻ để xem diễn biến.</translation>
    </message>
    <message>
        <source>Click a card to see its trend.</source>
        <translation>Bấm vào một thẻ để xem diễn biến.</translation>
    </message>
    <message>
        <source>not compared: %1 is not in full yet</source>
        <translation>chưa so sánh: %1 chưa đủ số liệu</translation>
    </message>
    <message>
        <source>not compared: %1 of %2 communes have %3 in full</source>
        <translation>chưa so sánh: mới có %1/%2 xã, phường đủ số liệu %3</translation>
    </message>
    <message>
        <source>%1 (not in full yet)</source>
        <translation>%1 (chưa đủ số liệu)</translation>
    </message>
    <message>
        <source>not compared: %1 of %2 communes have sent %3</source>
        <translation>chưa so sánh: mới có %1/%2 xã, phường gửi số liệu %3</translation>
    </message>
    <message>
        <source>no value for %1</source>
        <translation>chưa có số liệu %1</translation>
    </message>
    <message>
        <source>unchanged since %1</source>
        <translation>không đổi so với %1</translation>
    </message>
    <message>
        <source>pts</source>
        <translation>điểm %</translation>
    </message>
    <message>
        <source>%1 since %2</source>
        <translation>%1 so với %2</translation>
    </message>
    <message>
        <source>Target %1 reached (%2)</source>
        <translation>Đã đạt kế hoạch năm %1 (%2)</translation>
    </message>
    <message>
        <source>On track for the %1 target of %2</source>
        <translation>Đúng tiến độ kế hoạch năm %1 (%2)</translation>
    </message>
    <message>
        <source>Behind: %1 needed by %2 for the %3 target of %4</source>
        <translation>Chậm tiến độ: cần đạt %1 vào %2 để đạt kế hoạch năm %3 (%4)</translation>
    </message>
    <message>
        <source>No value yet; target %1: %2</source>
        <translation>Chưa có số liệu; kế hoạch năm %1: %2</translation>
    </message>
    <message>
        <source>No target for %1</source>
        <translation>Chưa có kế hoạch năm %1</translation>
    </message>
    <message>
        <source>Click to see the trend.</source>
        <translation>Bấm để xem diễn biến.</translation>
    </message>
    <message>
        <source>Reporting of %1 across the communes of %2</source>
        <translation>Tình hình báo cáo %1 của các xã, phường thuộc %2</translation>
    </message>
    <message>
        <source>%1 of %2 communes reported fully (%3%), %4 partly, %5 not yet.</source>
        <translation>%1/%2 xã, phường đã báo cáo đủ (%3%), %4 báo cáo một phần, %5 chưa báo cáo.</translation>
    </message>
    <message>
        <source>%1 of %2 communes have reported it in full: the cards add up what is in.</source>
        <translation>Mới có %1/%2 xã, phường báo cáo đủ kỳ này: các thẻ cộng số liệu đã có.</translation>
    </message>
</context>
<context>
    <name>DialogInteraction</name>
    <message>
        <source>Period marked complete</source>
        <translation>Kỳ báo cáo đã hoàn thành</translation>
    </message>
    <message>
        <source>%1 is marked complete. Change its values anyway?</source>
        <translation>%1 đã được đánh dấu hoàn thành. Vẫn sửa số liệu?</translation>
    </message>
    <message>
        <source>Which number did you mean?</source>
        <translation>Bạn muốn nhập số nào?</translation>
    </message>
    <message>
        <source>“%1” can be read two ways. Which did you mean?</source>
        <translation>“%1” có thể hiểu theo hai cách. Bạn muốn nhập số nào?</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Values not saved</source>
        <translation>Giá trị chưa được lưu</translation>
    </message>
    <message>
        <source>These values are not valid and were not saved:</source>
        <translation>Các giá trị sau không hợp lệ nên chưa được lưu:</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Sửa tiếp</translation>
    </message>
    <message>
        <source>Discard these values</source>
        <translation>Bỏ các giá trị này</translation>
    </message>
    <message>
        <source>Nothing was pasted</source>
        <translation>Chưa dán gì</translation>
    </message>
    <message>
        <source>You pasted a row of %1 cells into one field.</source>
        <translation>Bạn đã dán một dòng gồm %1 ô vào một ô nhập.</translation>
    </message>
    <message>
        <source>You pasted a block of %1 rows × %2 columns into one field.</source>
        <translation>Bạn đã dán một khối %1 dòng × %2 cột vào một ô nhập.</translation>
    </message>
    <message>
        <source>A field takes one value. Copy one column of values to fill the fields down the form, or paste rows and blocks in the Grid tab, where each cell has its place.</source>
        <translation>Mỗi ô nhập chỉ nhận một giá trị. Hãy sao chép một cột giá trị để điền lần lượt các ô từ trên xuống, hoặc dán dòng và khối ô ở thẻ Bảng số liệu, nơi mỗi ô có vị trí riêng.</translation>
    </message>
    <message>
        <source>Open the grid</source>
        <translation>Mở Bảng số liệu</translation>
    </message>
    <message>
        <source>%1 cells cannot be saved, so nothing was written. Fix them and paste again.</source>
        <translation>Có %1 ô không lưu được nên chưa ghi gì. Hãy sửa các ô này rồi dán lại.</translation>
    </message>
    <message>
        <source>The database is in use</source>
        <translation>Cơ sở dữ liệu đang được sử dụng</translation>
    </message>
    <message>
        <source>%1 is open in ictdesk by %2 on %3 since %4.</source>
        <translation>%1 đang được %2 mở trong ictdesk trên máy %3 từ %4.</translation>
    </message>
    <message>
        <source>%1 is open in another ictdesk.</source>
        <translation>%1 đang được mở trong một ictdesk khác.</translation>
    </message>
    <message>
        <source>Only one person can change it at a time. You can open it read-only.</source>
        <translation>Mỗi lúc chỉ một người được sửa. Bạn có thể mở ở chế độ chỉ đọc.</translation>
    </message>
    <message>
        <source>Open read-only</source>
        <translation>Mở chỉ đọc</translation>
    </message>
    <message>
        <source>Cannot open database</source>
        <translation>Không mở được cơ sở dữ liệu</translation>
    </message>
    <message>
        <source>Restore a backup…</source>
        <translation>Khôi phục bản sao lưu…</translation>
    </message>
    <message>
        <source>Database on a network share</source>
        <translation>Cơ sở dữ liệu nằm trên ổ mạng</translation>
    </message>
    <message>
        <source>%1 is on a network drive. ictdesk works on it safely but more slowly; a working copy on this computer&apos;s own disk is safer and faster.</source>
        <translation>%1 nằm trên ổ mạng. ictdesk vẫn làm việc an toàn nhưng chậm hơn; để bản làm việc trên ổ đĩa của máy này sẽ an toàn và nhanh hơn.</translation>
    </message>
    <message>
        <source>Which summary sheet?</source>
        <translation>In báo cáo nào?</translation>
    </message>
    <message>
        <source>%1 has %2 units under it.</source>
        <translation>%1 có %2 đơn vị trực thuộc.</translation>
    </message>
    <message>
        <source>Roll-up: a row per unit under it</source>
        <translation>Báo cáo tổng hợp: mỗi đơn vị trực thuộc một dòng</translation>
    </message>
    <message>
        <source>Its own indicators</source>
        <translation>Các chỉ tiêu của riêng đơn vị này</translation>
    </message>
</context>
<context>
    <name>EditSession</name>
    <message>
        <source>Undo or redo was not done: %1</source>
        <translation>Chưa hoàn tác hoặc làm lại được: %1</translation>
    </message>
</context>
<context>
    <name>EntryForm</name>
    <message>
        <source>Check</source>
        <translation>Kiểm tra</translation>
    </message>
    <message>
        <source>Previous period</source>
        <translation>Kỳ trước</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Tăng/giảm</translation>
    </message>
    <message>
        <source>Target / progress</source>
        <translation>Kế hoạch / đạt</translation>
    </message>
    <message>
        <source>Sum of sub-units</source>
        <translation>Tổng các đơn vị trực thuộc</translation>
    </message>
    <message>
        <source>No database is open.</source>
        <translation>Chưa mở cơ sở dữ liệu nào.</translation>
    </message>
    <message>
        <source>Choose a unit in the tree to enter its values.</source>
        <translation>Chọn một đơn vị trong cây để nhập số liệu.</translation>
    </message>
    <message>
        <source>Reopen this period</source>
        <translation>Mở lại kỳ này</translation>
    </message>
    <message>
        <source>Mark period complete</source>
        <translation>Đánh dấu hoàn thành</translation>
    </message>
    <message>
        <source>This unit&apos;s period is marked complete; changes will ask for confirmation.</source>
        <translation>Kỳ báo cáo của đơn vị này đã hoàn thành; khi sửa số liệu sẽ được hỏi lại.</translation>
    </message>
    <message>
        <source>Comment on %1</source>
        <translation>ghi chú %1</translation>
    </message>
    <message>
        <source>Mark %1 for follow-up</source>
        <translation>Đánh dấu cần theo dõi: %1</translation>
    </message>
    <message>
        <source>Unmark %1 for follow-up</source>
        <translation>Bỏ đánh dấu cần theo dõi: %1</translation>
    </message>
    <message>
        <source>Comment…</source>
        <translation>Ghi chú…</translation>
    </message>
    <message>
        <source>Mark for follow-up</source>
        <translation>Đánh dấu cần theo dõi</translation>
    </message>
</context>
<context>
    <name>ExchangeDialogs</name>
    <message>
        <source>Save the template</source>
        <translation>Lưu biểu mẫu</translation>
    </message>
    <message>
        <source>Writing the template…</source>
        <translation>Đang tạo biểu mẫu…</translation>
    </message>
    <message>
        <source>Template failed</source>
        <translation>Không tạo được biểu mẫu</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>Xuất số liệu</translation>
    </message>
    <message>
        <source>Excel workbook (.xlsx), for people</source>
        <translation>Tệp Excel (.xlsx) để đọc và in</translation>
    </message>
    <message>
        <source>Wide CSV: a row per unit, a column per indicator</source>
        <translation>CSV dạng bảng: mỗi đơn vị một dòng, mỗi chỉ tiêu một cột</translation>
    </message>
    <message>
        <source>Long CSV: lossless, for ictdesk and other software</source>
        <translation>CSV dạng dọc: đầy đủ, chính xác, cho ictdesk và phần mềm khác</translation>
    </message>
    <message>
        <source>DHIS2 data values CSV (codes)</source>
        <translation>CSV giá trị dữ liệu DHIS2 (theo mã)</translation>
    </message>
    <message>
        <source>DHIS2 data value set JSON (codes, completeness)</source>
        <translation>Bộ giá trị dữ liệu DHIS2 dạng JSON (theo mã, có trạng thái hoàn thành)</translation>
    </message>
    <message>
        <source>%1 and the units under it</source>
        <translation>%1 và các đơn vị trực thuộc</translation>
    </message>
    <message>
        <source>Every unit in the database</source>
        <translation>Tất cả đơn vị trong cơ sở dữ liệu</translation>
    </message>
    <message>
        <source>Every period of %1</source>
        <translation>Tất cả các kỳ của năm %1</translation>
    </message>
    <message>
        <source>All periods</source>
        <translation>Tất cả các kỳ</translation>
    </message>
    <message>
        <source>All indicators</source>
        <translation>Tất cả chỉ tiêu</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Định dạng:</translation>
    </message>
    <message>
        <source>Units:</source>
        <translation>Đơn vị:</translation>
    </message>
    <message>
        <source>Periods:</source>
        <translation>Kỳ báo cáo:</translation>
    </message>
    <message>
        <source>Indicators:</source>
        <translation>Chỉ tiêu:</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Xuất…</translation>
    </message>
    <message>
        <source>A sheet per period, derived rates included, a total row per sheet.</source>
        <translation>Mỗi kỳ một trang tính, có các tỷ lệ và dòng tổng cộng.</translation>
    </message>
    <message>
        <source>One period; derived rates included; opens in Excel and LibreOffice.</source>
        <translation>Một kỳ; có các tỷ lệ; mở được bằng Excel và LibreOffice.</translation>
    </message>
    <message>
        <source>Entered values only, exact; import it back without loss.</source>
        <translation>Chỉ số liệu nhập, chính xác; nhập lại không mất gì.</translation>
    </message>
    <message>
        <source>Entered values only; import into DHIS2 with idScheme=code.</source>
        <translation>Chỉ số liệu nhập; nhập vào DHIS2 với idScheme=code.</translation>
    </message>
    <message>
        <source>Entered values only, codes as identifiers; with a DHIS2 data set code in Settings it also carries which units are marked complete.</source>
        <translation>Chỉ số liệu nhập, định danh theo mã; khi đã đặt mã bộ dữ liệu DHIS2 trong Cài đặt, tệp còn mang trạng thái hoàn thành của các đơn vị.</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Xuất ra tệp</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Đang xuất số liệu…</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Không xuất được số liệu</translation>
    </message>
    <message>
        <source>Exported, with a warning</source>
        <translation>Đã xuất, có cảnh báo</translation>
    </message>
    <message>
        <source>Nothing was exported</source>
        <translation>Không có gì được xuất</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Welcome to ictdesk</source>
        <translation>Chào mừng đến với ictdesk</translation>
    </message>
    <message>
        <source>ictdesk keeps your digital-transformation statistics in a file on this computer. Choose the province you report for to create it, or open the demo data to look around first.</source>
        <translation>ictdesk lưu số liệu chuyển đổi số của bạn trong một tệp trên máy tính này. Chọn tỉnh bạn báo cáo để tạo tệp, hoặc mở dữ liệu mẫu để xem thử trước.</translation>
    </message>
    <message>
        <source>Type to search, e.g. phu tho</source>
        <translation>Gõ để tìm, ví dụ: phu tho</translation>
    </message>
    <message>
        <source>Type to search, e.g. dak</source>
        <translation>Gõ để tìm, ví dụ: dak</translation>
    </message>
    <message>
        <source>Province:</source>
        <translation>Tỉnh, thành phố:</translation>
    </message>
    <message>
        <source>Home commune (optional):</source>
        <translation>Xã, phường của bạn (không bắt buộc):</translation>
    </message>
    <message>
        <source>Your name:</source>
        <translation>Họ và tên người nhập:</translation>
    </message>
    <message>
        <source>Create database</source>
        <translation>Tạo cơ sở dữ liệu</translation>
    </message>
    <message>
        <source>Open demo data</source>
        <translation>Mở dữ liệu mẫu</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(không chọn)</translation>
    </message>
</context>
<context>
    <name>GridModel</name>
    <message>
        <source>Filled</source>
        <translation>Đã nhập</translation>
    </message>
    <message>
        <source>Total: %1</source>
        <translation>Tổng: %1</translation>
    </message>
    <message>
        <source>Comment: %1</source>
        <translation>Ghi chú: %1</translation>
    </message>
    <message>
        <source>Marked for follow-up</source>
        <translation>Cần theo dõi</translation>
    </message>
    <message>
        <source>Edit in grid</source>
        <translation>sửa trong bảng</translation>
    </message>
    <message>
        <source>This cell cannot be edited.</source>
        <translation>Ô này không sửa được.</translation>
    </message>
    <message>
        <source>Rates are computed, not typed.</source>
        <translation>Tỷ lệ được tính tự động, không nhập tay.</translation>
    </message>
    <message>
        <source>“%1” can be read two ways; type it unambiguously.</source>
        <translation>“%1” có thể hiểu theo hai cách; hãy nhập rõ ràng.</translation>
    </message>
</context>
<context>
    <name>GridView</name>
    <message>
        <source>Indicators:</source>
        <translation>Chỉ tiêu:</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>Tìm:</translation>
    </message>
    <message>
        <source>commune name or code</source>
        <translation>tên hoặc mã xã</translation>
    </message>
    <message>
        <source>Ctrl+C / Ctrl+V copy and paste blocks with Excel or LibreOffice.</source>
        <translation>Ctrl+C / Ctrl+V để sao chép và dán khối ô với Excel hoặc LibreOffice.</translation>
    </message>
    <message>
        <source>All indicators</source>
        <translation>Tất cả chỉ tiêu</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Chưa lưu: %1</translation>
    </message>
    <message>
        <source>Clear %1 values</source>
        <translation>Xóa %1 giá trị</translation>
    </message>
    <message>
        <source>Paste %1 values</source>
        <translation>dán %1 giá trị</translation>
    </message>
    <message>
        <source>%1 values pasted.</source>
        <translation>Đã dán %1 giá trị.</translation>
    </message>
    <message>
        <source>outside the table</source>
        <translation>ngoài bảng</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… và %1 ô khác</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>When</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Người sửa</translation>
    </message>
    <message>
        <source>Old → new</source>
        <translation>Cũ → mới</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Nguồn</translation>
    </message>
    <message>
        <source>form</source>
        <translation>biểu nhập</translation>
    </message>
    <message>
        <source>grid</source>
        <translation>bảng</translation>
    </message>
    <message>
        <source>import</source>
        <translation>nhập tệp</translation>
    </message>
    <message>
        <source>undo/redo</source>
        <translation>hoàn tác/làm lại</translation>
    </message>
    <message>
        <source>demo data</source>
        <translation>dữ liệu mẫu</translation>
    </message>
    <message>
        <source>History: %1</source>
        <translation>Lịch sử: %1</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Lịch sử thay đổi</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import files</source>
        <translation>Nhập số liệu từ tệp</translation>
    </message>
    <message>
        <source>No files chosen.</source>
        <translation>Chưa chọn tệp nào.</translation>
    </message>
    <message>
        <source>Choose files…</source>
        <translation>Chọn tệp…</translation>
    </message>
    <message>
        <source>Keep the newer value (by time of entry)</source>
        <translation>Giữ giá trị mới hơn (theo thời gian nhập)</translation>
    </message>
    <message>
        <source>Replace stored values</source>
        <translation>Thay giá trị đã có</translation>
    </message>
    <message>
        <source>Keep stored values</source>
        <translation>Giữ giá trị đã có</translation>
    </message>
    <message>
        <source>Apply deletions from DHIS2 (a value marked deleted=true is removed)</source>
        <translation>Áp dụng các giá trị đã xóa trong DHIS2 (giá trị có deleted=true sẽ bị xóa)</translation>
    </message>
    <message>
        <source>The files hold figures of the units before 1 July 2025: keep them and convert them to the current units</source>
        <translation>Tệp chứa số liệu theo đơn vị hành chính trước 01/7/2025: lưu giữ và quy đổi sang đơn vị hiện hành</translation>
    </message>
    <message>
        <source>Do not divide them: list them and import nothing</source>
        <translation>Không chia: liệt kê và không nhập gì</translation>
    </message>
    <message>
        <source>Divide by the new communes&apos; area shares (estimate)</source>
        <translation>Chia theo tỷ lệ diện tích các xã mới (ước tính)</translation>
    </message>
    <message>
        <source>Give all to the principal new commune (estimate)</source>
        <translation>Tính hết cho xã mới chính (ước tính)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Nhập</translation>
    </message>
    <message>
        <source>When a value is already stored:</source>
        <translation>Khi giá trị đã có sẵn:</translation>
    </message>
    <message>
        <source>Old communes split between new ones:</source>
        <translation>Xã cũ được chia cho nhiều xã mới:</translation>
    </message>
    <message>
        <source>Files to import</source>
        <translation>Chọn tệp để nhập</translation>
    </message>
    <message>
        <source>Returned files (*.csv *.txt *.json *.xlsx *.ods *.xls);;All files (*)</source>
        <translation>Tệp gửi về (*.csv *.txt *.json *.xlsx *.ods *.xls);;Tất cả các tệp (*)</translation>
    </message>
    <message>
        <source>These files look keyed by the units before 1 July 2025 (%1); the choice below is made for them.</source>
        <translation>Các tệp này có vẻ lập theo đơn vị hành chính trước 01/7/2025 (%1); lựa chọn bên dưới đã được đánh dấu.</translation>
    </message>
    <message>
        <source>Checking the files…</source>
        <translation>Đang kiểm tra các tệp…</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Đang đọc %1…</translation>
    </message>
    <message>
        <source>file %1 of %2</source>
        <translation>tệp %1/%2</translation>
    </message>
    <message>
        <source>Checking %1 values…</source>
        <translation>Đang kiểm tra %1 giá trị…</translation>
    </message>
    <message>
        <source>Writing %1 values…</source>
        <translation>Đang ghi %1 giá trị…</translation>
    </message>
    <message>
        <source>These files cannot be imported: %1</source>
        <translation>Không nhập được các tệp này: %1</translation>
    </message>
    <message>
        <source>%1 values read: %2 new, %3 changed, %4 unchanged, %5 skipped.</source>
        <translation>Đọc được %1 giá trị: %2 mới, %3 thay đổi, %4 không đổi, %5 bỏ qua.</translation>
    </message>
    <message>
        <source>%1 deleted, %2 follow-up flags changed, %3 units marked complete.</source>
        <translation>%1 giá trị bị xóa, %2 đánh dấu theo dõi thay đổi, %3 đơn vị được đánh dấu hoàn thành.</translation>
    </message>
    <message>
        <source>1 error: nothing will be written until it is fixed.</source>
        <translation>Có 1 lỗi: chưa ghi gì cho đến khi sửa xong.</translation>
    </message>
    <message>
        <source>%1 errors: nothing will be written until they are fixed.</source>
        <translation>Có %1 lỗi: chưa ghi gì cho đến khi sửa xong.</translation>
    </message>
    <message>
        <source>1 warning.</source>
        <translation>1 cảnh báo.</translation>
    </message>
    <message>
        <source>%1 warnings.</source>
        <translation>%1 cảnh báo.</translation>
    </message>
    <message>
        <source>Nothing to import.</source>
        <translation>Không có gì để nhập.</translation>
    </message>
    <message>
        <source>Show the values</source>
        <translation>Xem các giá trị</translation>
    </message>
    <message>
        <source>Show the warning</source>
        <translation>Xem cảnh báo</translation>
    </message>
    <message>
        <source>Show the %1 warnings</source>
        <translation>Xem %1 cảnh báo</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Đang nhập số liệu…</translation>
    </message>
</context>
<context>
    <name>ImportPreview</name>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Vị trí</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Cột</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Mức độ</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Vấn đề</translation>
    </message>
    <message>
        <source>error</source>
        <translation>lỗi</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>cảnh báo</translation>
    </message>
    <message>
        <source>value</source>
        <translation>giá trị</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>Chỉ tiêu</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Kỳ</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>Giá trị mới</translation>
    </message>
    <message>
        <source>Stored now</source>
        <translation>Giá trị đang lưu</translation>
    </message>
    <message>
        <source>%1 (old)</source>
        <translation>%1 (cũ)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;New database…</source>
        <translation>&amp;Tạo cơ sở dữ liệu mới…</translation>
    </message>
    <message>
        <source>&amp;Open database…</source>
        <translation>&amp;Mở cơ sở dữ liệu…</translation>
    </message>
    <message>
        <source>Open &amp;demo data</source>
        <translation>Mở &amp;dữ liệu mẫu</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>T&amp;hoát</translation>
    </message>
    <message>
        <source>&amp;Find a unit</source>
        <translation>&amp;Tìm đơn vị</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Lưu</translation>
    </message>
    <message>
        <source>&amp;About ictdesk</source>
        <translation>&amp;Giới thiệu ictdesk</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Hướng dẫn sử dụng</translation>
    </message>
    <message>
        <source>&amp;Check the period…</source>
        <translation>&amp;Kiểm tra số liệu kỳ này…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Xuất số liệu…</translation>
    </message>
    <message>
        <source>&amp;Print summary…</source>
        <translation>&amp;In báo cáo tổng hợp…</translation>
    </message>
    <message>
        <source>Save summary as P&amp;DF…</source>
        <translation>Lưu báo cáo thành &amp;PDF…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Thiết lập…</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>&amp;Sao lưu ngay</translation>
    </message>
    <message>
        <source>Restore from &amp;backup…</source>
        <translation>&amp;Khôi phục từ bản sao lưu…</translation>
    </message>
    <message>
        <source>Automatic &amp;backups…</source>
        <translation>Sao lưu &amp;tự động…</translation>
    </message>
    <message>
        <source>&amp;Import files…</source>
        <translation>&amp;Nhập số liệu từ tệp…</translation>
    </message>
    <message>
        <source>Fill-in &amp;template for communes…</source>
        <translation>Tạo &amp;biểu mẫu gửi các xã…</translation>
    </message>
    <message>
        <source>Large-change &amp;warning threshold…</source>
        <translation>&amp;Ngưỡng cảnh báo biến động…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>Mở &amp;gần đây</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Sửa</translation>
    </message>
    <message>
        <source>&amp;Language / Ngôn ngữ</source>
        <translation>&amp;Ngôn ngữ / Language</translation>
    </message>
    <message>
        <source>Data entry</source>
        <translation>Nhập số liệu</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>Bảng số liệu</translation>
    </message>
    <message>
        <source>Reporting</source>
        <translation>Tiến độ báo cáo</translation>
    </message>
    <message>
        <source>Trends</source>
        <translation>Xu hướng</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Tổng quan</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>&amp;Hoàn tác %1</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>&amp;Làm lại %1</translation>
    </message>
    <message>
        <source>(no recent files)</source>
        <translation>(chưa có tệp nào)</translation>
    </message>
    <message>
        <source>Checking %1 for damage…</source>
        <translation>Đang kiểm tra tệp %1 xem có bị hỏng không…</translation>
    </message>
    <message>
        <source>Upgrading %1 for this version of ictdesk…</source>
        <translation>Đang nâng cấp %1 cho phiên bản ictdesk này…</translation>
    </message>
    <message>
        <source>Opened read-only</source>
        <translation>Đã mở chỉ đọc</translation>
    </message>
    <message>
        <source>%1 is on read-only media or in a folder you cannot write: it is open read-only. You can view, export and back it up.</source>
        <translation>%1 nằm trên thiết bị chỉ đọc hoặc trong thư mục bạn không có quyền ghi: tệp được mở chỉ đọc. Bạn vẫn xem, xuất và sao lưu được.</translation>
    </message>
    <message>
        <source>The disk holding %1 is full: it is open read-only so that nothing is lost. Free some space, then open it again to make changes.</source>
        <translation>Ổ đĩa chứa %1 đã đầy: tệp được mở chỉ đọc để không mất dữ liệu. Hãy giải phóng dung lượng rồi mở lại để chỉnh sửa.</translation>
    </message>
    <message>
        <source>Leftover journal set aside</source>
        <translation>Đã cất riêng tệp nhật ký còn sót</translation>
    </message>
    <message>
        <source>A journal left beside %1 by an earlier file of that name would have damaged it. It was kept under another name: %2</source>
        <translation>Một tệp nhật ký do tệp cùng tên trước đây để lại bên cạnh %1 có thể làm hỏng tệp. Nó được giữ lại dưới tên khác: %2</translation>
    </message>
    <message>
        <source>The last backup failed</source>
        <translation>Lần sao lưu trước bị lỗi</translation>
    </message>
    <message>
        <source>When ictdesk last closed, the backup of %1 could not be made: %2. Free some space or choose another data folder, then use File › Back up now.</source>
        <translation>Lần đóng ictdesk trước, không tạo được bản sao lưu của %1: %2. Hãy giải phóng dung lượng hoặc chọn thư mục dữ liệu khác, rồi dùng Tệp › Sao lưu ngay.</translation>
    </message>
    <message>
        <source>This file is not an ictdesk database, or it is damaged. It was not changed.</source>
        <translation>Tệp này không phải là cơ sở dữ liệu ictdesk, hoặc đã bị hỏng. Tệp không bị thay đổi.</translation>
    </message>
    <message>
        <source>This file was made by a newer version of ictdesk. Update ictdesk to open it.</source>
        <translation>Tệp này được tạo bởi phiên bản ictdesk mới hơn. Hãy cập nhật ictdesk để mở.</translation>
    </message>
    <message>
        <source>The database cannot be opened.</source>
        <translation>Không mở được cơ sở dữ liệu.</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Sao lưu ngay</translation>
    </message>
    <message>
        <source>The backup was not made.</source>
        <translation>Chưa tạo được bản sao lưu.</translation>
    </message>
    <message>
        <source>Backed up to %1</source>
        <translation>Đã sao lưu vào %1</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>Khôi phục từ bản sao lưu</translation>
    </message>
    <message>
        <source>The backup was not restored; the current file was not changed.</source>
        <translation>Chưa khôi phục được bản sao lưu; tệp hiện tại không bị thay đổi.</translation>
    </message>
    <message>
        <source>Restored the backup %1</source>
        <translation>Đã khôi phục bản sao lưu %1</translation>
    </message>
    <message>
        <source>Restored the backup %1; the replaced file is kept as %2</source>
        <translation>Đã khôi phục bản sao lưu %1; tệp bị thay được giữ lại là %2</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Sao lưu</translation>
    </message>
    <message>
        <source>Today&apos;s backup could not be made when closing.</source>
        <translation>Không tạo được bản sao lưu hôm nay khi đóng chương trình.</translation>
    </message>
    <message>
        <source>Save summary as PDF</source>
        <translation>Lưu báo cáo thành PDF</translation>
    </message>
    <message>
        <source>Saved %1 (%2 pages)</source>
        <translation>Đã lưu %1 (%2 trang)</translation>
    </message>
    <message>
        <source>Automatic backups</source>
        <translation>Sao lưu tự động</translation>
    </message>
    <message>
        <source>How many automatic backups to keep:</source>
        <translation>Số bản sao lưu tự động được giữ lại:</translation>
    </message>
    <message>
        <source>Checking %1 for damage in the background…</source>
        <translation>Đang kiểm tra lỗi tệp %1 ở chế độ nền…</translation>
    </message>
    <message>
        <source>%1: the daily check found no damage.</source>
        <translation>%1: kiểm tra hằng ngày không thấy lỗi.</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>Mở cơ sở dữ liệu</translation>
    </message>
    <message>
        <source>ictdesk databases (*.db *.sqlite *.ictdesk);;All files (*)</source>
        <translation>Cơ sở dữ liệu ictdesk (*.db *.sqlite *.ictdesk);;Tất cả các tệp (*)</translation>
    </message>
    <message>
        <source>New database</source>
        <translation>Cơ sở dữ liệu mới</translation>
    </message>
    <message>
        <source>ictdesk databases (*.db)</source>
        <translation>Cơ sở dữ liệu ictdesk (*.db)</translation>
    </message>
    <message>
        <source>A file with this name already exists. Choose another name; nothing was overwritten.</source>
        <translation>Đã có tệp trùng tên. Hãy chọn tên khác; không có gì bị ghi đè.</translation>
    </message>
    <message>
        <source>The unit was not added: %1</source>
        <translation>Chưa thêm được đơn vị: %1</translation>
    </message>
    <message>
        <source>About ictdesk</source>
        <translation>Giới thiệu ictdesk</translation>
    </message>
    <message>
        <source>ictdesk %1 — digital-transformation statistics for local government, offline.</source>
        <translation>ictdesk %1 — số liệu chuyển đổi số cho chính quyền địa phương, dùng không cần mạng.</translation>
    </message>
    <message>
        <source>Exported %1 rows to %2</source>
        <translation>Đã xuất %1 dòng ra %2</translation>
    </message>
    <message>
        <source>Imported: %1 new, %2 changed, %3 unchanged, %4 skipped.</source>
        <translation>Đã nhập: %1 mới, %2 thay đổi, %3 không đổi, %4 bỏ qua.</translation>
    </message>
    <message>
        <source>Template with %1 sheets written to %2</source>
        <translation>Đã tạo biểu mẫu %1 trang tính tại %2</translation>
    </message>
    <message>
        <source>Large-change warning</source>
        <translation>Cảnh báo biến động lớn</translation>
    </message>
    <message>
        <source>Warn when a count moves by more than this share since the previous period (%):</source>
        <translation>Cảnh báo khi một số liệu tăng hoặc giảm quá tỷ lệ này so với kỳ trước (%):</translation>
    </message>
    <message>
        <source>Everything is saved: ictdesk saves each value when you leave its field.</source>
        <translation>Mọi số liệu đã được lưu: ictdesk lưu từng giá trị ngay khi bạn rời ô nhập.</translation>
    </message>
    <message>
        <source>Making today&apos;s backup…</source>
        <translation>Đang sao lưu dữ liệu hằng ngày…</translation>
    </message>
    <message>
        <source>Cannot create database</source>
        <translation>Không tạo được cơ sở dữ liệu</translation>
    </message>
    <message>
        <source>The database could not be created.</source>
        <translation>Không tạo được cơ sở dữ liệu.</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>Dữ liệu mẫu</translation>
    </message>
    <message>
        <source>Creating the demo database…</source>
        <translation>Đang tạo cơ sở dữ liệu mẫu…</translation>
    </message>
    <message>
        <source>The demo database could not be created.</source>
        <translation>Không tạo được cơ sở dữ liệu mẫu.</translation>
    </message>
</context>
<context>
    <name>PeriodPicker</name>
    <message>
        <source>Period:</source>
        <translation>Kỳ báo cáo:</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Tháng</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Quý</translation>
    </message>
    <message>
        <source>Half-year</source>
        <translation>6 tháng</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore from backup</source>
        <translation>Khôi phục từ bản sao lưu</translation>
    </message>
    <message>
        <source>Choose the backup to restore. The current file is kept first (a safety copy, or the file itself set aside when it is damaged), so a restore can itself be undone.</source>
        <translation>Chọn bản sao lưu cần khôi phục. Tệp hiện tại được giữ lại trước (một bản sao an toàn, hoặc chính tệp đó được cất riêng nếu bị hỏng), nên có thể hoàn tác việc khôi phục.</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Thời điểm</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Dung lượng</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>Số giá trị</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Daily, on closing</source>
        <translation>Hằng ngày, khi đóng chương trình</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Sao lưu ngay</translation>
    </message>
    <message>
        <source>Before a restore</source>
        <translation>Trước khi khôi phục</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>không đọc được</translation>
    </message>
    <message>
        <source>There are no backups of this database yet.</source>
        <translation>Cơ sở dữ liệu này chưa có bản sao lưu nào.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Khôi phục</translation>
    </message>
</context>
<context>
    <name>RowRendering</name>
    <message>
        <source>Target for %1: %2
Source: %3</source>
        <translation>Kế hoạch năm %1: %2
Căn cứ: %3</translation>
    </message>
    <message>
        <source>not allowed</source>
        <translation>không hợp lệ</translation>
    </message>
    <message>
        <source>out of range</source>
        <translation>ngoài giới hạn</translation>
    </message>
    <message>
        <source>breaks a rule</source>
        <translation>vi phạm quy tắc</translation>
    </message>
    <message>
        <source>large change</source>
        <translation>biến động lớn</translation>
    </message>
    <message>
        <source>pts</source>
        <translation>điểm %</translation>
    </message>
    <message>
        <source>Comment: %1</source>
        <translation>Ghi chú: %1</translation>
    </message>
    <message>
        <source>Marked for follow-up</source>
        <translation>Cần theo dõi</translation>
    </message>
    <message>
        <source>Not a whole number</source>
        <translation>Không phải số nguyên</translation>
    </message>
    <message>
        <source>Several values</source>
        <translation>Nhiều giá trị</translation>
    </message>
    <message>
        <source>Not a number</source>
        <translation>Không phải là số</translation>
    </message>
    <message>
        <source>explained</source>
        <translation>đã giải trình</translation>
    </message>
    <message>
        <source>%1 or %2?</source>
        <translation>%1 hay %2?</translation>
    </message>
    <message>
        <source>“%1” can be read two ways: %2 or %3. You will be asked which.</source>
        <translation>“%1” đọc được hai cách: %2 hoặc %3. Khi lưu, bạn sẽ được hỏi chọn cách nào.</translation>
    </message>
    <message>
        <source>from months or quarters</source>
        <translation>tính từ tháng/quý</translation>
    </message>
</context>
<context>
    <name>SavePolicy</name>
    <message>
        <source>Nothing was pasted: %1 values, but only %2 fields from here down.</source>
        <translation>Chưa dán gì: có %1 giá trị nhưng từ ô này trở xuống chỉ còn %2 ô nhập.</translation>
    </message>
    <message>
        <source>Paste %1 values</source>
        <translation>Dán %1 giá trị</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>sửa %1</translation>
    </message>
    <message>
        <source>The value was not saved: %1</source>
        <translation>Chưa lưu giá trị: %1</translation>
    </message>
    <message>
        <source>Nothing was pasted: %1: %2</source>
        <translation>Chưa dán gì: %1: %2</translation>
    </message>
    <message>
        <source>this file is open read-only</source>
        <translation>tệp đang mở ở chế độ chỉ đọc</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Thiết lập</translation>
    </message>
    <message>
        <source>Parent agency:</source>
        <translation>Cơ quan cấp trên:</translation>
    </message>
    <message>
        <source>Issuing agency:</source>
        <translation>Cơ quan ban hành:</translation>
    </message>
    <message>
        <source>Place name (for the date line):</source>
        <translation>Địa danh (ghi ở dòng ngày tháng):</translation>
    </message>
    <message>
        <source>Prepared by (name):</source>
        <translation>Người lập biểu (họ tên):</translation>
    </message>
    <message>
        <source>Preparer&apos;s title:</source>
        <translation>Chức danh người lập biểu:</translation>
    </message>
    <message>
        <source>Head of unit (name):</source>
        <translation>Thủ trưởng đơn vị (họ tên):</translation>
    </message>
    <message>
        <source>Head&apos;s title (may take two lines):</source>
        <translation>Chức danh thủ trưởng (có thể hai dòng):</translation>
    </message>
    <message>
        <source>Document number (blank: written by hand):</source>
        <translation>Số văn bản (để trống: văn thư ghi tay):</translation>
    </message>
    <message>
        <source>Symbol after BC-:</source>
        <translation>Ký hiệu sau BC-:</translation>
    </message>
    <message>
        <source>Recipients (one per line):</source>
        <translation>Nơi nhận (mỗi nơi một dòng):</translation>
    </message>
    <message>
        <source>These appear on the printed summary sheets of %1.</source>
        <translation>Các thông tin này được in trên biểu báo cáo của %1.</translation>
    </message>
    <message>
        <source>A title on two lines: KT. GIÁM ĐỐC, then PHÓ GIÁM ĐỐC. Leave the preparer&apos;s title empty to print the head&apos;s signature alone.</source>
        <translation>Chức danh hai dòng: dòng đầu KT. GIÁM ĐỐC, dòng sau PHÓ GIÁM ĐỐC. Để trống chức danh người lập biểu nếu chỉ in chữ ký của thủ trưởng.</translation>
    </message>
    <message>
        <source>e.g. CDS_QUY (empty: none)</source>
        <translation>ví dụ CDS_QUY (để trống: không có)</translation>
    </message>
    <message>
        <source>The code of the DHIS2 data set these values belong to. DHIS2 JSON exports then name it and carry which units are marked complete.</source>
        <translation>Mã bộ dữ liệu DHIS2 chứa các chỉ tiêu này. Khi đó tệp xuất DHIS2 JSON ghi mã này và mang trạng thái hoàn thành của các đơn vị.</translation>
    </message>
    <message>
        <source>DHIS2 data set code:</source>
        <translation>Mã bộ dữ liệu DHIS2:</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Chưa lưu: %1</translation>
    </message>
</context>
<context>
    <name>StatusArea</name>
    <message>
        <source>READ-ONLY</source>
        <translation>CHỈ ĐỌC</translation>
    </message>
    <message>
        <source>No database</source>
        <translation>Chưa có cơ sở dữ liệu</translation>
    </message>
    <message>
        <source>%1 of %2 units reported in full</source>
        <translation>%1/%2 đơn vị đã báo cáo đủ</translation>
    </message>
    <message>
        <source>%1 of %2 indicators filled</source>
        <translation>Đã nhập %1/%2 chỉ tiêu</translation>
    </message>
</context>
<context>
    <name>TrendDrawing</name>
    <message>
        <source>not in full yet: not compared with the period before</source>
        <translation>chưa đủ số liệu: chưa so sánh được với kỳ trước</translation>
    </message>
    <message>
        <source>%1 (total)</source>
        <translation>%1 (tổng)</translation>
    </message>
    <message>
        <source>Target %1: %2</source>
        <translation>Kế hoạch %1: %2</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Kế hoạch</translation>
    </message>
    <message>
        <source>%1 communes</source>
        <translation>%1 xã, phường</translation>
    </message>
    <message>
        <source>1 July 2025: new administrative units</source>
        <translation>01/7/2025: sắp xếp đơn vị hành chính</translation>
    </message>
    <message>
        <source>Drag to move, wheel to zoom; click a legend entry to hide its line.</source>
        <translation>Kéo để di chuyển, lăn chuột để phóng to; bấm vào chú giải để ẩn hoặc hiện đường.</translation>
    </message>
    <message>
        <source>The total dwarfs the communes: untick it in the list to compare them on their own.</source>
        <translation>Số tổng lớn hơn nhiều so với các xã: bỏ chọn dòng tổng trong danh sách để so sánh riêng các xã.</translation>
    </message>
    <message>
        <source>No data for this indicator yet.</source>
        <translation>Chỉ tiêu này chưa có số liệu.</translation>
    </message>
    <message>
        <source>No values by %1; there are values by %2: choose it above.</source>
        <translation>Không có số liệu theo %1; có số liệu theo %2: hãy chọn ở trên.</translation>
    </message>
    <message>
        <source>%1 of %2 communes have a value.</source>
        <translation>%1/%2 xã, phường có số liệu.</translation>
    </message>
    <message>
        <source>%1 have reached the target.</source>
        <translation>%1 đơn vị đã đạt kế hoạch.</translation>
    </message>
</context>
<context>
    <name>TrendsView</name>
    <message>
        <source>Indicator:</source>
        <translation>Chỉ tiêu:</translation>
    </message>
    <message>
        <source>By:</source>
        <translation>Theo:</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Tháng</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Quý</translation>
    </message>
    <message>
        <source>Half-year</source>
        <translation>6 tháng</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <source>Over time</source>
        <translation>Diễn biến theo thời gian</translation>
    </message>
    <message>
        <source>Ranking of communes</source>
        <translation>Xếp hạng xã, phường</translation>
    </message>
    <message>
        <source>Reset zoom</source>
        <translation>Xem toàn bộ</translation>
    </message>
    <message>
        <source>Drag to move, use the wheel to zoom; this shows everything again.</source>
        <translation>Kéo để di chuyển, lăn chuột để phóng to; nút này đưa biểu đồ về toàn cảnh.</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>Xuất ảnh PNG…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Xuất CSV…</translation>
    </message>
    <message>
        <source>Save the chart as a picture</source>
        <translation>Lưu biểu đồ thành ảnh</translation>
    </message>
    <message>
        <source>Save the plotted numbers for Excel</source>
        <translation>Lưu các số liệu trên biểu đồ để mở bằng Excel</translation>
    </message>
    <message>
        <source>Units:</source>
        <translation>Đơn vị:</translation>
    </message>
    <message>
        <source>commune name or code</source>
        <translation>tên hoặc mã xã, phường</translation>
    </message>
    <message>
        <source>All communes</source>
        <translation>Tất cả xã</translation>
    </message>
    <message>
        <source>Total only</source>
        <translation>Chỉ số tổng</translation>
    </message>
    <message>
        <source>Open a database and choose a unit to see trends.</source>
        <translation>Hãy mở một cơ sở dữ liệu và chọn đơn vị để xem diễn biến.</translation>
    </message>
    <message>
        <source>The chart cannot be drawn: %1</source>
        <translation>Không vẽ được biểu đồ: %1</translation>
    </message>
</context>
<context>
    <name>UnitChoice</name>
    <message>
        <source>%1 (total)</source>
        <translation>%1 (tổng)</translation>
    </message>
</context>
<context>
    <name>UnitTree</name>
    <message>
        <source>Search units (name or code)…</source>
        <translation>Tìm đơn vị (tên hoặc mã)…</translation>
    </message>
    <message>
        <source>No unit matches this name or code.</source>
        <translation>Không có đơn vị nào khớp với tên hoặc mã này.</translation>
    </message>
    <message>
        <source>Add a unit under %1…</source>
        <translation>Thêm đơn vị trực thuộc %1…</translation>
    </message>
</context>
<context>
    <name>UnitTreeModel</name>
    <message>
        <source>Before 1 July 2025</source>
        <translation>Trước 01/7/2025</translation>
    </message>
    <message>
        <source>The provinces, districts and communes before 1 July 2025, with their own figures; they are not counted in the current units&apos; totals</source>
        <translation>Các tỉnh, huyện, xã trước 01/7/2025 với số liệu riêng; không cộng vào tổng của đơn vị hiện hành</translation>
    </message>
</context>
<context>
    <name>UserGuideDialog</name>
    <message>
        <source>User guide</source>
        <translation>Hướng dẫn sử dụng</translation>
    </message>
</context>
<context>
    <name>ValidationDialog</name>
    <message>
        <source>Validation report</source>
        <translation>Kết quả kiểm tra số liệu</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Importance</source>
        <translation>Mức độ</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Vấn đề</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Kiểm tra lại</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>type</source>
        <translation>kiểu số</translation>
    </message>
    <message>
        <source>range</source>
        <translation>giới hạn</translation>
    </message>
    <message>
        <source>rule</source>
        <translation>quy tắc</translation>
    </message>
    <message>
        <source>large change</source>
        <translation>biến động lớn</translation>
    </message>
    <message>
        <source>high</source>
        <translation>cao</translation>
    </message>
    <message>
        <source>medium</source>
        <translation>trung bình</translation>
    </message>
    <message>
        <source>low</source>
        <translation>thấp</translation>
    </message>
    <message>
        <source>%1: no problems found.</source>
        <translation>%1: không phát hiện vấn đề nào.</translation>
    </message>
    <message>
        <source>%1: %2 problems in %3 units, %4 of them errors. Double-click to fix.</source>
        <translation>%1: %2 vấn đề ở %3 đơn vị, trong đó %4 lỗi. Nháy đúp để sửa.</translation>
    </message>
</context>
<context>
    <name>ViolationDialog</name>
    <message>
        <source>The value breaks a rule</source>
        <translation>Giá trị vi phạm quy tắc kiểm tra</translation>
    </message>
    <message>
        <source>%1 = %2 breaks these rules:</source>
        <translation>%1 = %2 vi phạm các quy tắc sau:</translation>
    </message>
    <message>
        <source>Correct the value, or explain why it is right to save it anyway:</source>
        <translation>Hãy sửa lại giá trị, hoặc giải trình vì sao giá trị này đúng để vẫn lưu:</translation>
    </message>
    <message>
        <source>Save with this explanation</source>
        <translation>Lưu kèm giải trình</translation>
    </message>
    <message>
        <source>Correct the value</source>
        <translation>Sửa lại giá trị</translation>
    </message>
</context>
<context>
    <name>Reporting</name>
    <message>
        <source>%1 of %2 months in full</source>
        <translation>đủ %1/%2 tháng</translation>
    </message>
    <message>
        <source>%1 of %2 quarters in full</source>
        <translation>đủ %1/%2 quý</translation>
    </message>
    <message>
        <source>%1 of %2 half-years in full</source>
        <translation>đủ %1/%2 kỳ 6 tháng</translation>
    </message>
</context>
</TS>
