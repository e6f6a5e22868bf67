<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi" sourcelanguage="en">
<context>
  <name>QPlatformTheme</name>
  <message>
    <source>OK</source>
    <translation>Đồng ý</translation>
  </message>
  <message>
    <source>Cancel</source>
    <translation>Hủy</translation>
  </message>
  <message>
    <source>&amp;Yes</source>
    <translation>&amp;Có</translation>
  </message>
  <message>
    <source>&amp;No</source>
    <translation>&amp;Không</translation>
  </message>
  <message>
    <source>Save</source>
    <translation>Lưu</translation>
  </message>
  <message>
    <source>Close</source>
    <translation>Đóng</translation>
  </message>
  <message>
    <source>Apply</source>
    <translation>Áp dụng</translation>
  </message>
  <message>
    <source>Don't Save</source>
    <translation>Không lưu</translation>
  </message>
  <message>
    <source>Discard</source>
    <translation>Bỏ</translation>
  </message>
  <message>
    <source>Yes to &amp;All</source>
    <translation>Có với &amp;tất cả</translation>
  </message>
  <message>
    <source>No to A&amp;ll</source>
    <translation>Không với tất cả</translation>
  </message>
  <message>
    <source>Abort</source>
    <translation>Hủy bỏ</translation>
  </message>
  <message>
    <source>Retry</source>
    <translation>Thử lại</translation>
  </message>
  <message>
    <source>Ignore</source>
    <translation>Bỏ qua</translation>
  </message>
  <message>
    <source>Help</source>
    <translation>Trợ giúp</translation>
  </message>
  <message>
    <source>Reset</source>
    <translation>Đặt lại</translation>
  </message>
  <message>
    <source>Open</source>
    <translation>Mở</translation>
  </message>
  <message>
    <source>Save All</source>
    <translation>Lưu tất cả</translation>
  </message>
  <message>
    <source>Restore Defaults</source>
    <translation>Khôi phục mặc định</translation>
  </message>
</context>
<context>
  <name>QLineEdit</name>
  <message>
    <source>&amp;Undo</source>
    <translation>&amp;Hoàn tác</translation>
  </message>
  <message>
    <source>&amp;Redo</source>
    <translation>&amp;Làm lại</translation>
  </message>
  <message>
    <source>Cu&amp;t</source>
    <translation>Cắ&amp;t</translation>
  </message>
  <message>
    <source>&amp;Copy</source>
    <translation>&amp;Sao chép</translation>
  </message>
  <message>
    <source>&amp;Paste</source>
    <translation>&amp;Dán</translation>
  </message>
  <message>
    <source>Delete</source>
    <translation>Xóa</translation>
  </message>
  <message>
    <source>Select All</source>
    <translation>Chọn tất cả</translation>
  </message>
</context>
<context>
  <name>QMessageBox</name>
  <message>
    <source>Show Details...</source>
    <translation>Xem chi tiết...</translation>
  </message>
  <message>
    <source>Hide Details...</source>
    <translation>Ẩn chi tiết...</translation>
  </message>
  <message>
    <source>OK</source>
    <translation>Đồng ý</translation>
  </message>
</context>
</TS>
