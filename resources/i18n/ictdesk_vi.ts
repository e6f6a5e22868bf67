<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi" sourcelanguage="en">
<context>
    <name>AddUnitDialog</name>
    <message>
        <location filename="../../src/ictdesk/gui/add_unit_dialog.py" line="16"/>
        <source>Add a unit</source>
        <translation>Thêm đơn vị</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/add_unit_dialog.py" line="20"/>
        <source>e.g. %1-01</source>
        <translation>ví dụ: %1-01</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/add_unit_dialog.py" line="23"/>
        <source>e.g. Thôn Đồng Tâm</source>
        <translation>ví dụ: Thôn Đồng Tâm</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/add_unit_dialog.py" line="26"/>
        <source>Village / residential group</source>
        <translation>Thôn, tổ dân phố</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/add_unit_dialog.py" line="28"/>
        <source>District (before July 2025)</source>
        <translation>Huyện (trước tháng 7/2025)</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/add_unit_dialog.py" line="29"/>
        <source>Commune</source>
        <translation>Xã, phường</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/add_unit_dialog.py" line="35"/>
        <source>Under:</source>
        <translation>Trực thuộc:</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/add_unit_dialog.py" line="36"/>
        <source>Code:</source>
        <translation>Mã:</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/add_unit_dialog.py" line="37"/>
        <source>Name:</source>
        <translation>Tên:</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/add_unit_dialog.py" line="38"/>
        <source>Level:</source>
        <translation>Cấp:</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/add_unit_dialog.py" line="55"/>
        <source>Enter both a code and a name.</source>
        <translation>Hãy nhập cả mã và tên.</translation>
    </message>
</context>
<context>
    <name>BackgroundTask</name>
    <message>
        <location filename="../../src/ictdesk/gui/background.py" line="62"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>CompletenessView</name>
    <message>
        <location filename="../../src/ictdesk/gui/review_views.py" line="163"/>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/review_views.py" line="163"/>
        <source>Filled</source>
        <translation>Đã nhập</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/review_views.py" line="163"/>
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/review_views.py" line="163"/>
        <source>Complete</source>
        <translation>Hoàn thành</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/review_views.py" line="177"/>
        <source>reported</source>
        <translation>đã báo cáo đủ</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/review_views.py" line="178"/>
        <source>partly reported</source>
        <translation>báo cáo thiếu</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/review_views.py" line="179"/>
        <source>not reported</source>
        <translation>chưa báo cáo</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/review_views.py" line="193"/>
        <source>yes</source>
        <translation>có</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/review_views.py" line="204"/>
        <source>%1 — %2: %3 reported, %4 partly, %5 not yet.</source>
        <translation>%1 — %2: %3 đơn vị đã báo cáo đủ, %4 báo cáo thiếu, %5 chưa báo cáo.</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <location filename="../../src/ictdesk/gui/dashboard.py" line="390"/>
        <source>%1: %2 of %3 indicators</source>
        <translation>%1: %2/%3 chỉ tiêu</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/dashboard.py" line="393"/>
        <source>reported</source>
        <translation>đã báo cáo đủ</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/dashboard.py" line="395"/>
        <source>partly reported</source>
        <translation>báo cáo một phần</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/dashboard.py" line="397"/>
        <source>not reported</source>
        <translation>chưa báo cáo</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/dashboard.py" line="429"/>
        <source>Open a database and choose a unit.</source>
        <translation>Hãy mở một cơ sở dữ liệu và chọn đơn vị.</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/dashboard.py" line="440"/>
        <source>Compared with %1. Click a card to see its trend.</source>
        <translation>So sánh với %1. Bấm vào một thẻ để xem diễn biến.</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/dashboard.py" line="465"/>
        <source>no value for %1</source>
        <translation>chưa có số liệu %1</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/dashboard.py" line="468"/>
        <source>unchanged since %1</source>
        <translation>không đổi so với %1</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/dashboard.py" line="475"/>
        <source>pts</source>
        <translation>điểm %</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/dashboard.py" line="481"/>
        <source>%1 since %2</source>
        <translation>%1 so với %2</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/dashboard.py" line="488"/>
        <source>Target %1 reached (%2)</source>
        <translation>Đã đạt kế hoạch năm %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/dashboard.py" line="491"/>
        <source>On track for the %1 target of %2</source>
        <translation>Đúng tiến độ kế hoạch năm %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/dashboard.py" line="495"/>
        <source>Behind: %1 needed by %2 for the %3 target of %4</source>
        <translation>Chậm tiến độ: cần đạt %1 vào %2 để đạt kế hoạch năm %3 (%4)</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/dashboard.py" line="503"/>
        <source>No value yet; target %1: %2</source>
        <translation>Chưa có số liệu; kế hoạch năm %1: %2</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/dashboard.py" line="506"/>
        <source>No target for %1</source>
        <translation>Chưa có kế hoạch năm %1</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/dashboard.py" line="512"/>
        <source>Click to see the trend.</source>
        <translation>Bấm để xem diễn biến.</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/dashboard.py" line="538"/>
        <source>Reporting of %1 across the communes of %2</source>
        <translation>Tình hình báo cáo %1 của các xã, phường thuộc %2</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/dashboard.py" line="545"/>
        <source>%1 of %2 communes reported fully (%3%), %4 partly, %5 not yet.</source>
        <translation>%1/%2 xã, phường đã báo cáo đủ (%3%), %4 báo cáo một phần, %5 chưa báo cáo.</translation>
    </message>
</context>
<context>
    <name>DialogInteraction</name>
    <message>
        <location filename="../../src/ictdesk/gui/form_interaction.py" line="114"/>
        <source>Period marked complete</source>
        <translation>Kỳ báo cáo đã hoàn thành</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/form_interaction.py" line="115"/>
        <source>%1 is marked complete. Change its values anyway?</source>
        <translation>%1 đã được đánh dấu hoàn thành. Vẫn sửa số liệu?</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/form_interaction.py" line="125"/>
        <source>Which number did you mean?</source>
        <translation>Bạn muốn nhập số nào?</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/form_interaction.py" line="126"/>
        <source>“%1” can be read two ways. Which did you mean?</source>
        <translation>“%1” có thể hiểu theo hai cách. Bạn muốn nhập số nào?</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/form_interaction.py" line="140"/>
        <source>Comment</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/form_interaction.py" line="149"/>
        <source>Values not saved</source>
        <translation>Giá trị chưa được lưu</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/form_interaction.py" line="150"/>
        <source>These values are not valid and were not saved:</source>
        <translation>Các giá trị sau không hợp lệ nên chưa được lưu:</translation>
    </message>
</context>
<context>
    <name>EditSession</name>
    <message>
        <location filename="../../src/ictdesk/gui/edit_session.py" line="36"/>
        <source>The values were not saved: %1</source>
        <translation>Chưa lưu được số liệu: %1</translation>
    </message>
</context>
<context>
    <name>EntryForm</name>
    <message>
        <location filename="../../src/ictdesk/gui/entry_form.py" line="315"/>
        <source>Check</source>
        <translation>Kiểm tra</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/entry_form.py" line="316"/>
        <source>Previous period</source>
        <translation>Kỳ trước</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/entry_form.py" line="317"/>
        <source>Change</source>
        <translation>Tăng/giảm</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/entry_form.py" line="318"/>
        <source>Target / progress</source>
        <translation>Kế hoạch / đạt</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/entry_form.py" line="319"/>
        <source>Sum of sub-units</source>
        <translation>Tổng các đơn vị trực thuộc</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/entry_form.py" line="331"/>
        <source>No database is open.</source>
        <translation>Chưa mở cơ sở dữ liệu nào.</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/entry_form.py" line="333"/>
        <source>Choose a unit in the tree to enter its values.</source>
        <translation>Chọn một đơn vị trong cây để nhập số liệu.</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/entry_form.py" line="340"/>
        <source>Reopen this period</source>
        <translation>Mở lại kỳ này</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/entry_form.py" line="340"/>
        <source>Mark period complete</source>
        <translation>Đánh dấu hoàn thành</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/entry_form.py" line="344"/>
        <source>This unit&apos;s period is marked complete; changes will ask for confirmation.</source>
        <translation>Kỳ báo cáo của đơn vị này đã hoàn thành; khi sửa số liệu sẽ được hỏi lại.</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/entry_form.py" line="455"/>
        <source>Target for %1: %2
Source: %3</source>
        <translation>Kế hoạch năm %1: %2
Căn cứ: %3</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/entry_form.py" line="479"/>
        <source>not allowed</source>
        <translation>không hợp lệ</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/entry_form.py" line="480"/>
        <source>out of range</source>
        <translation>ngoài giới hạn</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/entry_form.py" line="481"/>
        <source>breaks a rule</source>
        <translation>vi phạm quy tắc</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/entry_form.py" line="482"/>
        <source>large change</source>
        <translation>biến động lớn</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/entry_form.py" line="492"/>
        <source>pts</source>
        <translation>điểm %</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/entry_form.py" line="515"/>
        <source>Comment: %1</source>
        <translation>Ghi chú: %1</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/entry_form.py" line="517"/>
        <source>Marked for follow-up</source>
        <translation>Cần theo dõi</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/entry_form.py" line="530"/>
        <source>Not a whole number</source>
        <translation>Không phải số nguyên</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/entry_form.py" line="532"/>
        <source>Not a number</source>
        <translation>Không phải là số</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/entry_form.py" line="543"/>
        <source>explained</source>
        <translation>đã giải trình</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/entry_form.py" line="549"/>
        <source>read as %1 (type %2 for the thousands)</source>
        <translation>hiểu là %1 (gõ %2 nếu là hàng nghìn)</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/entry_form.py" line="590"/>
        <source>The value was not saved: it is not a valid number.</source>
        <translation>Chưa lưu giá trị: đây không phải là số hợp lệ.</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/entry_form.py" line="626"/>
        <source>Edit %1</source>
        <translation>sửa %1</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/entry_form.py" line="705"/>
        <source>Comment on %1</source>
        <translation>ghi chú %1</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/entry_form.py" line="744"/>
        <source>Comment…</source>
        <translation>Ghi chú…</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/entry_form.py" line="746"/>
        <source>Mark for follow-up</source>
        <translation>Đánh dấu cần theo dõi</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/entry_form.py" line="610"/>
        <location filename="../../src/ictdesk/gui/entry_form.py" line="619"/>
        <source>The value was not saved: %1</source>
        <translation>Chưa lưu giá trị: %1</translation>
    </message>
</context>
<context>
    <name>ExchangeDialogs</name>
    <message>
        <location filename="../../src/ictdesk/gui/exchange_dialogs.py" line="493"/>
        <source>Save the template</source>
        <translation>Lưu biểu mẫu</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/exchange_dialogs.py" line="503"/>
        <source>Writing the template…</source>
        <translation>Đang tạo biểu mẫu…</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/exchange_dialogs.py" line="507"/>
        <source>Template failed</source>
        <translation>Không tạo được biểu mẫu</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../src/ictdesk/gui/exchange_dialogs.py" line="84"/>
        <source>Export</source>
        <translation>Xuất số liệu</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/exchange_dialogs.py" line="90"/>
        <source>Excel workbook (.xlsx), for people</source>
        <translation>Tệp Excel (.xlsx) để đọc và in</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/exchange_dialogs.py" line="91"/>
        <source>Wide CSV: a row per unit, a column per indicator</source>
        <translation>CSV dạng bảng: mỗi đơn vị một dòng, mỗi chỉ tiêu một cột</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/exchange_dialogs.py" line="92"/>
        <source>Long CSV: lossless, for ictdesk and other software</source>
        <translation>CSV dạng dọc: đầy đủ, chính xác, cho ictdesk và phần mềm khác</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/exchange_dialogs.py" line="93"/>
        <source>DHIS2 data values CSV (codes)</source>
        <translation>CSV giá trị dữ liệu DHIS2 (theo mã)</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/exchange_dialogs.py" line="98"/>
        <source>%1 and the units under it</source>
        <translation>%1 và các đơn vị trực thuộc</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/exchange_dialogs.py" line="100"/>
        <source>Every unit in the database</source>
        <translation>Tất cả đơn vị trong cơ sở dữ liệu</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/exchange_dialogs.py" line="106"/>
        <source>Every period of %1</source>
        <translation>Tất cả các kỳ của năm %1</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/exchange_dialogs.py" line="108"/>
        <source>All periods</source>
        <translation>Tất cả các kỳ</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/exchange_dialogs.py" line="114"/>
        <source>All indicators</source>
        <translation>Tất cả chỉ tiêu</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/exchange_dialogs.py" line="121"/>
        <source>Format:</source>
        <translation>Định dạng:</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/exchange_dialogs.py" line="125"/>
        <source>Units:</source>
        <translation>Đơn vị:</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/exchange_dialogs.py" line="129"/>
        <source>Periods:</source>
        <translation>Kỳ báo cáo:</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/exchange_dialogs.py" line="130"/>
        <source>Indicators:</source>
        <translation>Chỉ tiêu:</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/exchange_dialogs.py" line="133"/>
        <source>Export…</source>
        <translation>Xuất…</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/exchange_dialogs.py" line="154"/>
        <source>A sheet per period, derived rates included, a total row per sheet.</source>
        <translation>Mỗi kỳ một trang tính, có các tỷ lệ và dòng tổng cộng.</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/exchange_dialogs.py" line="155"/>
        <source>One period; derived rates included; opens in Excel and LibreOffice.</source>
        <translation>Một kỳ; có các tỷ lệ; mở được bằng Excel và LibreOffice.</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/exchange_dialogs.py" line="156"/>
        <source>Entered values only, exact; import it back without loss.</source>
        <translation>Chỉ số liệu nhập, chính xác; nhập lại không mất gì.</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/exchange_dialogs.py" line="157"/>
        <source>Entered values only; import into DHIS2 with idScheme=code.</source>
        <translation>Chỉ số liệu nhập; nhập vào DHIS2 với idScheme=code.</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/exchange_dialogs.py" line="181"/>
        <source>Export to</source>
        <translation>Xuất ra tệp</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/exchange_dialogs.py" line="192"/>
        <source>Exporting…</source>
        <translation>Đang xuất số liệu…</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/exchange_dialogs.py" line="195"/>
        <source>Export failed</source>
        <translation>Không xuất được số liệu</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../src/ictdesk/gui/first_run.py" line="31"/>
        <source>Welcome to ictdesk</source>
        <translation>Chào mừng đến với ictdesk</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/first_run.py" line="35"/>
        <source>ictdesk keeps your digital-transformation statistics in a file on this computer. Choose the province you report for to create it, or open the demo data to look around first.</source>
        <translation>ictdesk lưu số liệu chuyển đổi số của bạn trong một tệp trên máy tính này. Chọn tỉnh bạn báo cáo để tạo tệp, hoặc mở dữ liệu mẫu để xem thử trước.</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/first_run.py" line="44"/>
        <source>Type to search, e.g. phu tho</source>
        <translation>Gõ để tìm, ví dụ: phu tho</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/first_run.py" line="63"/>
        <source>Province:</source>
        <translation>Tỉnh, thành phố:</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/first_run.py" line="65"/>
        <source>Home commune (optional):</source>
        <translation>Xã, phường của bạn (không bắt buộc):</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/first_run.py" line="66"/>
        <source>Your name:</source>
        <translation>Họ và tên người nhập:</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/first_run.py" line="68"/>
        <source>Create database</source>
        <translation>Tạo cơ sở dữ liệu</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/first_run.py" line="70"/>
        <source>Open demo data</source>
        <translation>Mở dữ liệu mẫu</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/first_run.py" line="110"/>
        <source>(none)</source>
        <translation>(không chọn)</translation>
    </message>
</context>
<context>
    <name>GridModel</name>
    <message>
        <location filename="../../src/ictdesk/gui/grid_view.py" line="186"/>
        <source>Filled</source>
        <translation>Đã nhập</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/grid_view.py" line="196"/>
        <source>Total: %1</source>
        <translation>Tổng: %1</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/grid_view.py" line="259"/>
        <source>Comment: %1</source>
        <translation>Ghi chú: %1</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/grid_view.py" line="261"/>
        <source>Marked for follow-up</source>
        <translation>Cần theo dõi</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/grid_view.py" line="273"/>
        <source>Edit in grid</source>
        <translation>sửa trong bảng</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/grid_view.py" line="288"/>
        <source>This cell cannot be edited.</source>
        <translation>Ô này không sửa được.</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/grid_view.py" line="291"/>
        <source>Rates are computed, not typed.</source>
        <translation>Tỷ lệ được tính tự động, không nhập tay.</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/grid_view.py" line="297"/>
        <source>“%1” is not a valid number.</source>
        <translation>“%1” không phải là số hợp lệ.</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/grid_view.py" line="305"/>
        <source>“%1” can be read two ways; type it unambiguously.</source>
        <translation>“%1” có thể hiểu theo hai cách; hãy nhập rõ ràng.</translation>
    </message>
</context>
<context>
    <name>GridView</name>
    <message>
        <location filename="../../src/ictdesk/gui/grid_view.py" line="422"/>
        <source>Indicators:</source>
        <translation>Chỉ tiêu:</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/grid_view.py" line="423"/>
        <source>Find:</source>
        <translation>Tìm:</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/grid_view.py" line="424"/>
        <source>commune name or code</source>
        <translation>tên hoặc mã xã</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/grid_view.py" line="427"/>
        <source>Ctrl+C / Ctrl+V copy and paste blocks with Excel or LibreOffice.</source>
        <translation>Ctrl+C / Ctrl+V để sao chép và dán khối ô với Excel hoặc LibreOffice.</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/grid_view.py" line="435"/>
        <source>All indicators</source>
        <translation>Tất cả chỉ tiêu</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/grid_view.py" line="483"/>
        <source>Not saved: %1</source>
        <translation>Chưa lưu: %1</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/grid_view.py" line="548"/>
        <source>Paste %1 values</source>
        <translation>dán %1 giá trị</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/grid_view.py" line="550"/>
        <source>%1 values pasted.</source>
        <translation>Đã dán %1 giá trị.</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/grid_view.py" line="562"/>
        <source>outside the table</source>
        <translation>ngoài bảng</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/grid_view.py" line="569"/>
        <source>… and %1 more</source>
        <translation>… và %1 ô khác</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/grid_view.py" line="573"/>
        <source>Nothing was pasted</source>
        <translation>Chưa dán được</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/grid_view.py" line="575"/>
        <source>%1 cells cannot be saved, so nothing was written. Fix them and paste again.</source>
        <translation>Có %1 ô không lưu được nên chưa ghi gì. Hãy sửa các ô này rồi dán lại.</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <location filename="../../src/ictdesk/gui/history_panel.py" line="57"/>
        <source>When</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/history_panel.py" line="57"/>
        <source>Who</source>
        <translation>Người sửa</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/history_panel.py" line="57"/>
        <source>Old → new</source>
        <translation>Cũ → mới</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/history_panel.py" line="57"/>
        <source>Source</source>
        <translation>Nguồn</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/history_panel.py" line="63"/>
        <source>form</source>
        <translation>biểu nhập</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/history_panel.py" line="64"/>
        <source>grid</source>
        <translation>bảng</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/history_panel.py" line="65"/>
        <source>import</source>
        <translation>nhập tệp</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/history_panel.py" line="66"/>
        <source>undo/redo</source>
        <translation>hoàn tác/làm lại</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/history_panel.py" line="67"/>
        <source>demo data</source>
        <translation>dữ liệu mẫu</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/history_panel.py" line="74"/>
        <source>History: %1</source>
        <translation>Lịch sử: %1</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/history_panel.py" line="74"/>
        <source>History</source>
        <translation>Lịch sử thay đổi</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../src/ictdesk/gui/exchange_dialogs.py" line="211"/>
        <source>Import files</source>
        <translation>Nhập số liệu từ tệp</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/exchange_dialogs.py" line="215"/>
        <source>No files chosen.</source>
        <translation>Chưa chọn tệp nào.</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/exchange_dialogs.py" line="217"/>
        <source>Choose files…</source>
        <translation>Chọn tệp…</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/exchange_dialogs.py" line="221"/>
        <source>Keep the newer value (by time of entry)</source>
        <translation>Giữ giá trị mới hơn (theo thời gian nhập)</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/exchange_dialogs.py" line="222"/>
        <source>Replace stored values</source>
        <translation>Thay giá trị đã có</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/exchange_dialogs.py" line="223"/>
        <source>Keep stored values</source>
        <translation>Giữ giá trị đã có</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/exchange_dialogs.py" line="241"/>
        <source>Import</source>
        <translation>Nhập</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/exchange_dialogs.py" line="252"/>
        <source>When a value is already stored:</source>
        <translation>Khi giá trị đã có sẵn:</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/exchange_dialogs.py" line="267"/>
        <source>Files to import</source>
        <translation>Chọn tệp để nhập</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/exchange_dialogs.py" line="269"/>
        <source>Returned files (*.csv *.xlsx);;All files (*)</source>
        <translation>Tệp gửi về (*.csv *.xlsx);;Tất cả các tệp (*)</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/exchange_dialogs.py" line="297"/>
        <source>Checking the files…</source>
        <translation>Đang kiểm tra các tệp…</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/exchange_dialogs.py" line="308"/>
        <source>Reading %1…</source>
        <translation>Đang đọc %1…</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/exchange_dialogs.py" line="311"/>
        <source>file %1 of %2</source>
        <translation>tệp %1/%2</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/exchange_dialogs.py" line="315"/>
        <source>Checking %1 values…</source>
        <translation>Đang kiểm tra %1 giá trị…</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/exchange_dialogs.py" line="316"/>
        <source>Writing %1 values…</source>
        <translation>Đang ghi %1 giá trị…</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/exchange_dialogs.py" line="322"/>
        <source>These files cannot be imported: %1</source>
        <translation>Không nhập được các tệp này: %1</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/exchange_dialogs.py" line="335"/>
        <source>%1 values read: %2 new, %3 changed, %4 unchanged, %5 skipped.</source>
        <translation>Đọc được %1 giá trị: %2 mới, %3 thay đổi, %4 không đổi, %5 bỏ qua.</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/exchange_dialogs.py" line="347"/>
        <source>1 error: nothing will be written until it is fixed.</source>
        <translation>Có 1 lỗi: chưa ghi gì cho đến khi sửa xong.</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/exchange_dialogs.py" line="349"/>
        <source>%1 errors: nothing will be written until they are fixed.</source>
        <translation>Có %1 lỗi: chưa ghi gì cho đến khi sửa xong.</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/exchange_dialogs.py" line="354"/>
        <source>1 warning.</source>
        <translation>1 cảnh báo.</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/exchange_dialogs.py" line="356"/>
        <source>%1 warnings.</source>
        <translation>%1 cảnh báo.</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/exchange_dialogs.py" line="358"/>
        <source>Nothing to import.</source>
        <translation>Không có gì để nhập.</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/exchange_dialogs.py" line="370"/>
        <source>Show the values</source>
        <translation>Xem các giá trị</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/exchange_dialogs.py" line="372"/>
        <source>Show the warning</source>
        <translation>Xem cảnh báo</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/exchange_dialogs.py" line="374"/>
        <source>Show the %1 warnings</source>
        <translation>Xem %1 cảnh báo</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/exchange_dialogs.py" line="387"/>
        <location filename="../../src/ictdesk/gui/exchange_dialogs.py" line="423"/>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/exchange_dialogs.py" line="388"/>
        <source>Where</source>
        <translation>Vị trí</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/exchange_dialogs.py" line="389"/>
        <source>Column</source>
        <translation>Cột</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/exchange_dialogs.py" line="390"/>
        <source>Severity</source>
        <translation>Mức độ</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/exchange_dialogs.py" line="391"/>
        <source>Problem</source>
        <translation>Vấn đề</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/exchange_dialogs.py" line="397"/>
        <source>error</source>
        <translation>lỗi</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/exchange_dialogs.py" line="397"/>
        <source>warning</source>
        <translation>cảnh báo</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/exchange_dialogs.py" line="418"/>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/exchange_dialogs.py" line="419"/>
        <source>Indicator</source>
        <translation>Chỉ tiêu</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/exchange_dialogs.py" line="420"/>
        <source>Period</source>
        <translation>Kỳ</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/exchange_dialogs.py" line="421"/>
        <source>New value</source>
        <translation>Giá trị mới</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/exchange_dialogs.py" line="422"/>
        <source>Stored now</source>
        <translation>Giá trị đang lưu</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/exchange_dialogs.py" line="462"/>
        <source>Importing…</source>
        <translation>Đang nhập số liệu…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/ictdesk/gui/main_window.py" line="260"/>
        <source>&amp;New database…</source>
        <translation>&amp;Tạo cơ sở dữ liệu mới…</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/main_window.py" line="261"/>
        <source>&amp;Open database…</source>
        <translation>&amp;Mở cơ sở dữ liệu…</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/main_window.py" line="262"/>
        <source>Open &amp;demo data</source>
        <translation>Mở &amp;dữ liệu mẫu</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/main_window.py" line="263"/>
        <source>&amp;Quit</source>
        <translation>T&amp;hoát</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/main_window.py" line="264"/>
        <source>&amp;About ictdesk</source>
        <translation>&amp;Giới thiệu ictdesk</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/main_window.py" line="265"/>
        <source>&amp;User guide</source>
        <translation>&amp;Hướng dẫn sử dụng</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/main_window.py" line="266"/>
        <source>&amp;Check the period…</source>
        <translation>&amp;Kiểm tra số liệu kỳ này…</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/main_window.py" line="267"/>
        <source>&amp;Export…</source>
        <translation>&amp;Xuất số liệu…</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/main_window.py" line="268"/>
        <source>&amp;Print summary…</source>
        <translation>&amp;In báo cáo tổng hợp…</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/main_window.py" line="269"/>
        <source>Save summary as P&amp;DF…</source>
        <translation>Lưu báo cáo thành &amp;PDF…</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/main_window.py" line="270"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Thiết lập…</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/main_window.py" line="271"/>
        <source>&amp;Back up now</source>
        <translation>&amp;Sao lưu ngay</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/main_window.py" line="272"/>
        <source>Restore from &amp;backup…</source>
        <translation>&amp;Khôi phục từ bản sao lưu…</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/main_window.py" line="273"/>
        <source>Automatic &amp;backups…</source>
        <translation>Sao lưu &amp;tự động…</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/main_window.py" line="274"/>
        <source>&amp;Import files…</source>
        <translation>&amp;Nhập số liệu từ tệp…</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/main_window.py" line="275"/>
        <source>Fill-in &amp;template for communes…</source>
        <translation>Tạo &amp;biểu mẫu gửi các xã…</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/main_window.py" line="276"/>
        <source>Large-change &amp;warning threshold…</source>
        <translation>&amp;Ngưỡng cảnh báo biến động…</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/main_window.py" line="280"/>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/main_window.py" line="281"/>
        <source>Open &amp;recent</source>
        <translation>Mở &amp;gần đây</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/main_window.py" line="282"/>
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/main_window.py" line="283"/>
        <source>&amp;Edit</source>
        <translation>&amp;Sửa</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/main_window.py" line="284"/>
        <source>&amp;Language / Ngôn ngữ</source>
        <translation>&amp;Ngôn ngữ / Language</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/main_window.py" line="288"/>
        <source>READ-ONLY</source>
        <translation>CHỈ ĐỌC</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/main_window.py" line="289"/>
        <source>Data entry</source>
        <translation>Nhập số liệu</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/main_window.py" line="290"/>
        <source>Grid</source>
        <translation>Bảng số liệu</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/main_window.py" line="291"/>
        <source>Reporting</source>
        <translation>Tiến độ báo cáo</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/main_window.py" line="292"/>
        <source>Trends</source>
        <translation>Xu hướng</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/main_window.py" line="293"/>
        <source>Dashboard</source>
        <translation>Tổng quan</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/main_window.py" line="313"/>
        <source>&amp;Undo %1</source>
        <translation>&amp;Hoàn tác %1</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/main_window.py" line="314"/>
        <source>&amp;Redo %1</source>
        <translation>&amp;Làm lại %1</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/main_window.py" line="320"/>
        <source>(no recent files)</source>
        <translation>(chưa có tệp nào)</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/main_window.py" line="407"/>
        <source>Checking %1 for damage…</source>
        <translation>Đang kiểm tra tệp %1 xem có bị hỏng không…</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/main_window.py" line="412"/>
        <source>Upgrading %1 for this version of ictdesk…</source>
        <translation>Đang nâng cấp %1 cho phiên bản ictdesk này…</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/main_window.py" line="453"/>
        <source>The database is in use</source>
        <translation>Cơ sở dữ liệu đang được sử dụng</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/main_window.py" line="455"/>
        <source>%1 is open in ictdesk by %2 on %3 since %4.</source>
        <translation>%1 đang được %2 mở trong ictdesk trên máy %3 từ %4.</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/main_window.py" line="462"/>
        <source>Only one person can change it at a time. You can open it read-only.</source>
        <translation>Mỗi lúc chỉ một người được sửa. Bạn có thể mở ở chế độ chỉ đọc.</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/main_window.py" line="464"/>
        <source>Open read-only</source>
        <translation>Mở chỉ đọc</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/main_window.py" line="473"/>
        <source>Database on a network share</source>
        <translation>Cơ sở dữ liệu nằm trên ổ mạng</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/main_window.py" line="475"/>
        <source>%1 is on a network drive. ictdesk works on it safely but more slowly; a working copy on this computer&apos;s own disk is safer and faster.</source>
        <translation>%1 nằm trên ổ mạng. ictdesk vẫn làm việc an toàn nhưng chậm hơn; để bản làm việc trên ổ đĩa của máy này sẽ an toàn và nhanh hơn.</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/main_window.py" line="492"/>
        <source>This file is not an ictdesk database, or it is damaged. It was not changed.</source>
        <translation>Tệp này không phải là cơ sở dữ liệu ictdesk, hoặc đã bị hỏng. Tệp không bị thay đổi.</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/main_window.py" line="496"/>
        <source>This file was made by a newer version of ictdesk. Update ictdesk to open it.</source>
        <translation>Tệp này được tạo bởi phiên bản ictdesk mới hơn. Hãy cập nhật ictdesk để mở.</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/main_window.py" line="499"/>
        <source>The database cannot be opened.</source>
        <translation>Không mở được cơ sở dữ liệu.</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/main_window.py" line="502"/>
        <source>Cannot open database</source>
        <translation>Không mở được cơ sở dữ liệu</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/main_window.py" line="512"/>
        <source>Restore a backup…</source>
        <translation>Khôi phục bản sao lưu…</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/main_window.py" line="529"/>
        <source>Backed up to %1</source>
        <translation>Đã sao lưu vào %1</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/main_window.py" line="557"/>
        <source>Restored the backup %1</source>
        <translation>Đã khôi phục bản sao lưu %1</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/main_window.py" line="573"/>
        <source>Print summary</source>
        <translation>In báo cáo tổng hợp</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/main_window.py" line="574"/>
        <source>Which sheet?</source>
        <translation>In biểu nào?</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/main_window.py" line="575"/>
        <location filename="../../src/ictdesk/gui/main_window.py" line="581"/>
        <source>This unit&apos;s indicators</source>
        <translation>Các chỉ tiêu của đơn vị này</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/main_window.py" line="575"/>
        <source>Roll-up of its communes</source>
        <translation>Tổng hợp các xã, phường trực thuộc</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/main_window.py" line="605"/>
        <source>Save summary as PDF</source>
        <translation>Lưu báo cáo thành PDF</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/main_window.py" line="620"/>
        <source>Saved %1 (%2 pages)</source>
        <translation>Đã lưu %1 (%2 trang)</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/main_window.py" line="640"/>
        <source>Automatic backups</source>
        <translation>Sao lưu tự động</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/main_window.py" line="641"/>
        <source>How many automatic backups to keep:</source>
        <translation>Số bản sao lưu tự động được giữ lại:</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/main_window.py" line="655"/>
        <source>Open database</source>
        <translation>Mở cơ sở dữ liệu</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/main_window.py" line="657"/>
        <source>ictdesk databases (*.db *.sqlite *.ictdesk);;All files (*)</source>
        <translation>Cơ sở dữ liệu ictdesk (*.db *.sqlite *.ictdesk);;Tất cả các tệp (*)</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/main_window.py" line="673"/>
        <location filename="../../src/ictdesk/gui/main_window.py" line="683"/>
        <source>New database</source>
        <translation>Cơ sở dữ liệu mới</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/main_window.py" line="675"/>
        <source>ictdesk databases (*.db)</source>
        <translation>Cơ sở dữ liệu ictdesk (*.db)</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/main_window.py" line="685"/>
        <source>A file with this name already exists. Choose another name; nothing was overwritten.</source>
        <translation>Đã có tệp trùng tên. Hãy chọn tên khác; không có gì bị ghi đè.</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/main_window.py" line="711"/>
        <source>The unit was not added: %1</source>
        <translation>Chưa thêm được đơn vị: %1</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/main_window.py" line="728"/>
        <source>About ictdesk</source>
        <translation>Giới thiệu ictdesk</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/main_window.py" line="730"/>
        <source>ictdesk %1 — digital-transformation statistics for local government, offline.</source>
        <translation>ictdesk %1 — số liệu chuyển đổi số cho chính quyền địa phương, dùng không cần mạng.</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/main_window.py" line="806"/>
        <source>Exported %1 rows to %2</source>
        <translation>Đã xuất %1 dòng ra %2</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/main_window.py" line="826"/>
        <source>Imported: %1 new, %2 changed, %3 unchanged, %4 skipped.</source>
        <translation>Đã nhập: %1 mới, %2 thay đổi, %3 không đổi, %4 bỏ qua.</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/main_window.py" line="846"/>
        <source>Template with %1 sheets written to %2</source>
        <translation>Đã tạo biểu mẫu %1 trang tính tại %2</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/main_window.py" line="859"/>
        <source>Large-change warning</source>
        <translation>Cảnh báo biến động lớn</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/main_window.py" line="861"/>
        <source>Warn when a count moves by more than this share since the previous period (%):</source>
        <translation>Cảnh báo khi một số liệu tăng hoặc giảm quá tỷ lệ này so với kỳ trước (%):</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/main_window.py" line="925"/>
        <source>No database</source>
        <translation>Chưa có cơ sở dữ liệu</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/main_window.py" line="935"/>
        <source>%1 of %2 units reported in full</source>
        <translation>%1/%2 đơn vị đã báo cáo đủ</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/main_window.py" line="942"/>
        <source>%1 of %2 indicators filled</source>
        <translation>Đã nhập %1/%2 chỉ tiêu</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/main_window.py" line="964"/>
        <source>Making today&apos;s backup…</source>
        <translation>Đang sao lưu dữ liệu hằng ngày…</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/main_window.py" line="1024"/>
        <source>Cannot create database</source>
        <translation>Không tạo được cơ sở dữ liệu</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/main_window.py" line="1025"/>
        <source>The database could not be created.</source>
        <translation>Không tạo được cơ sở dữ liệu.</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/main_window.py" line="1045"/>
        <location filename="../../src/ictdesk/gui/main_window.py" line="1065"/>
        <source>Demo data</source>
        <translation>Dữ liệu mẫu</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/main_window.py" line="1046"/>
        <source>Creating the demo database…</source>
        <translation>Đang tạo cơ sở dữ liệu mẫu…</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/main_window.py" line="1066"/>
        <source>The demo database could not be created.</source>
        <translation>Không tạo được cơ sở dữ liệu mẫu.</translation>
    </message>
</context>
<context>
    <name>PeriodPicker</name>
    <message>
        <location filename="../../src/ictdesk/gui/period_picker.py" line="44"/>
        <source>Period:</source>
        <translation>Kỳ báo cáo:</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/period_picker.py" line="46"/>
        <source>Month</source>
        <translation>Tháng</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/period_picker.py" line="47"/>
        <source>Quarter</source>
        <translation>Quý</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/period_picker.py" line="48"/>
        <source>Half-year</source>
        <translation>6 tháng</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/period_picker.py" line="49"/>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../src/ictdesk/gui/safety.py" line="30"/>
        <source>Restore from backup</source>
        <translation>Khôi phục từ bản sao lưu</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/safety.py" line="34"/>
        <source>Choose the backup to restore. The current file is backed up first, so a restore can itself be undone.</source>
        <translation>Chọn bản sao lưu cần khôi phục. Tệp hiện tại sẽ được sao lưu trước, nên có thể hoàn tác việc khôi phục.</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/safety.py" line="42"/>
        <source>Taken</source>
        <translation>Thời điểm</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/safety.py" line="42"/>
        <source>Size</source>
        <translation>Dung lượng</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/safety.py" line="42"/>
        <source>Values</source>
        <translation>Số giá trị</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/safety.py" line="56"/>
        <source>unreadable</source>
        <translation>không đọc được</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/safety.py" line="67"/>
        <source>There are no backups of this database yet.</source>
        <translation>Cơ sở dữ liệu này chưa có bản sao lưu nào.</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/safety.py" line="71"/>
        <source>Restore</source>
        <translation>Khôi phục</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../src/ictdesk/gui/settings_dialog.py" line="18"/>
        <source>Settings</source>
        <translation>Thiết lập</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/settings_dialog.py" line="21"/>
        <source>Parent agency:</source>
        <translation>Cơ quan cấp trên:</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/settings_dialog.py" line="22"/>
        <source>Issuing agency:</source>
        <translation>Cơ quan ban hành:</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/settings_dialog.py" line="23"/>
        <source>Place name (for the date line):</source>
        <translation>Địa danh (ghi ở dòng ngày tháng):</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/settings_dialog.py" line="24"/>
        <source>Prepared by (name):</source>
        <translation>Người lập biểu (họ tên):</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/settings_dialog.py" line="25"/>
        <source>Preparer&apos;s title:</source>
        <translation>Chức danh người lập biểu:</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/settings_dialog.py" line="26"/>
        <source>Head of unit (name):</source>
        <translation>Thủ trưởng đơn vị (họ tên):</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/settings_dialog.py" line="27"/>
        <source>Head&apos;s title:</source>
        <translation>Chức danh thủ trưởng:</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/settings_dialog.py" line="32"/>
        <source>These appear on the printed summary sheets.</source>
        <translation>Các thông tin này được in trên biểu báo cáo.</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/settings_dialog.py" line="57"/>
        <source>Not saved: %1</source>
        <translation>Chưa lưu: %1</translation>
    </message>
</context>
<context>
    <name>TrendsView</name>
    <message>
        <location filename="../../src/ictdesk/gui/trends.py" line="184"/>
        <source>Indicator:</source>
        <translation>Chỉ tiêu:</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/trends.py" line="185"/>
        <source>By:</source>
        <translation>Theo:</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/trends.py" line="187"/>
        <source>month</source>
        <translation>tháng</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/trends.py" line="188"/>
        <source>quarter</source>
        <translation>quý</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/trends.py" line="189"/>
        <source>half-year</source>
        <translation>6 tháng</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/trends.py" line="190"/>
        <source>year</source>
        <translation>năm</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/trends.py" line="199"/>
        <source>Over time</source>
        <translation>Diễn biến theo thời gian</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/trends.py" line="200"/>
        <source>Ranking of communes</source>
        <translation>Xếp hạng xã, phường</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/trends.py" line="202"/>
        <source>Reset zoom</source>
        <translation>Xem toàn bộ</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/trends.py" line="204"/>
        <source>Drag to move, use the wheel to zoom; this shows everything again.</source>
        <translation>Kéo để di chuyển, lăn chuột để phóng to; nút này đưa biểu đồ về toàn cảnh.</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/trends.py" line="206"/>
        <source>Export PNG…</source>
        <translation>Xuất ảnh PNG…</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/trends.py" line="207"/>
        <source>Export CSV…</source>
        <translation>Xuất CSV…</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/trends.py" line="208"/>
        <source>Save the chart as a picture</source>
        <translation>Lưu biểu đồ thành ảnh</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/trends.py" line="209"/>
        <source>Save the plotted numbers for Excel</source>
        <translation>Lưu các số liệu trên biểu đồ để mở bằng Excel</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/trends.py" line="210"/>
        <source>Units:</source>
        <translation>Đơn vị:</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/trends.py" line="211"/>
        <source>commune name or code</source>
        <translation>tên hoặc mã xã, phường</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/trends.py" line="212"/>
        <source>All communes</source>
        <translation>Tất cả xã</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/trends.py" line="213"/>
        <source>Total only</source>
        <translation>Chỉ số tổng</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/trends.py" line="214"/>
        <source>Open a database and choose a unit to see trends.</source>
        <translation>Hãy mở một cơ sở dữ liệu và chọn đơn vị để xem diễn biến.</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/trends.py" line="339"/>
        <location filename="../../src/ictdesk/gui/trends.py" line="489"/>
        <source>%1 (total)</source>
        <translation>%1 (tổng)</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/trends.py" line="466"/>
        <source>The chart cannot be drawn: %1</source>
        <translation>Không vẽ được biểu đồ: %1</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/trends.py" line="500"/>
        <location filename="../../src/ictdesk/gui/trends.py" line="515"/>
        <location filename="../../src/ictdesk/gui/trends.py" line="583"/>
        <source>Target %1: %2</source>
        <translation>Kế hoạch %1: %2</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/trends.py" line="524"/>
        <source>Target</source>
        <translation>Kế hoạch</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/trends.py" line="527"/>
        <source>%1 communes</source>
        <translation>%1 xã, phường</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/trends.py" line="533"/>
        <source>Drag to move, wheel to zoom; click a legend entry to hide its line.</source>
        <translation>Kéo để di chuyển, lăn chuột để phóng to; bấm vào chú giải để ẩn hoặc hiện đường.</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/trends.py" line="548"/>
        <location filename="../../src/ictdesk/gui/trends.py" line="567"/>
        <source>No data for this indicator yet.</source>
        <translation>Chỉ tiêu này chưa có số liệu.</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/trends.py" line="550"/>
        <source>No values by %1; there are values by %2: choose it above.</source>
        <translation>Không có số liệu theo %1; có số liệu theo %2: hãy chọn ở trên.</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/trends.py" line="601"/>
        <source>%1 of %2 communes have a value.</source>
        <translation>%1/%2 xã, phường có số liệu.</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/trends.py" line="607"/>
        <source>%1 have reached the target.</source>
        <translation>%1 đơn vị đã đạt kế hoạch.</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/trends.py" line="620"/>
        <source>Chart saved: %1</source>
        <translation>Đã lưu biểu đồ: %1</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/trends.py" line="620"/>
        <source>The chart was not saved: %1</source>
        <translation>Chưa lưu được biểu đồ: %1</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/trends.py" line="667"/>
        <source>The numbers were not saved: %1</source>
        <translation>Chưa lưu được số liệu: %1</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/trends.py" line="669"/>
        <source>Numbers saved: %1</source>
        <translation>Đã lưu số liệu: %1</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/trends.py" line="728"/>
        <source>Export chart</source>
        <translation>Xuất biểu đồ</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/trends.py" line="728"/>
        <source>PNG pictures (*.png)</source>
        <translation>Ảnh PNG (*.png)</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/trends.py" line="733"/>
        <source>Export numbers</source>
        <translation>Xuất số liệu</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/trends.py" line="733"/>
        <source>CSV files (*.csv)</source>
        <translation>Tệp CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>UnitTree</name>
    <message>
        <location filename="../../src/ictdesk/gui/unit_tree.py" line="210"/>
        <source>Search units (name or code)…</source>
        <translation>Tìm đơn vị (tên hoặc mã)…</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/unit_tree.py" line="211"/>
        <source>No unit matches this name or code.</source>
        <translation>Không có đơn vị nào khớp với tên hoặc mã này.</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/unit_tree.py" line="264"/>
        <source>Add a unit under %1…</source>
        <translation>Thêm đơn vị trực thuộc %1…</translation>
    </message>
</context>
<context>
    <name>UserGuideDialog</name>
    <message>
        <location filename="../../src/ictdesk/gui/user_guide.py" line="21"/>
        <source>User guide</source>
        <translation>Hướng dẫn sử dụng</translation>
    </message>
</context>
<context>
    <name>ValidationDialog</name>
    <message>
        <location filename="../../src/ictdesk/gui/review_views.py" line="64"/>
        <source>Validation report</source>
        <translation>Kết quả kiểm tra số liệu</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/review_views.py" line="71"/>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/review_views.py" line="71"/>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/review_views.py" line="71"/>
        <source>Importance</source>
        <translation>Mức độ</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/review_views.py" line="71"/>
        <source>Problem</source>
        <translation>Vấn đề</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/review_views.py" line="74"/>
        <source>Check again</source>
        <translation>Kiểm tra lại</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/review_views.py" line="76"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/review_views.py" line="96"/>
        <source>type</source>
        <translation>kiểu số</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/review_views.py" line="97"/>
        <source>range</source>
        <translation>giới hạn</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/review_views.py" line="98"/>
        <source>rule</source>
        <translation>quy tắc</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/review_views.py" line="99"/>
        <source>large change</source>
        <translation>biến động lớn</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/review_views.py" line="101"/>
        <source>high</source>
        <translation>cao</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/review_views.py" line="101"/>
        <source>medium</source>
        <translation>trung bình</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/review_views.py" line="101"/>
        <source>low</source>
        <translation>thấp</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/review_views.py" line="126"/>
        <source>%1: no problems found.</source>
        <translation>%1: không phát hiện vấn đề nào.</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/review_views.py" line="129"/>
        <source>%1: %2 problems in %3 units, %4 of them errors. Double-click to fix.</source>
        <translation>%1: %2 vấn đề ở %3 đơn vị, trong đó %4 lỗi. Nháy đúp để sửa.</translation>
    </message>
</context>
<context>
    <name>ViolationDialog</name>
    <message>
        <location filename="../../src/ictdesk/gui/form_interaction.py" line="62"/>
        <source>The value breaks a rule</source>
        <translation>Giá trị vi phạm quy tắc kiểm tra</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/form_interaction.py" line="64"/>
        <source>%1 = %2 breaks these rules:</source>
        <translation>%1 = %2 vi phạm các quy tắc sau:</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/form_interaction.py" line="74"/>
        <source>Correct the value, or explain why it is right to save it anyway:</source>
        <translation>Hãy sửa lại giá trị, hoặc giải trình vì sao giá trị này đúng để vẫn lưu:</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/form_interaction.py" line="81"/>
        <source>Save with this explanation</source>
        <translation>Lưu kèm giải trình</translation>
    </message>
    <message>
        <location filename="../../src/ictdesk/gui/form_interaction.py" line="84"/>
        <source>Correct the value</source>
        <translation>Sửa lại giá trị</translation>
    </message>
</context>
</TS>
