/**
 * Ant Design components the renderer never shows, with the class prefixes of their styles. `vite.renderer.config.ts`
 * leaves these rules out of antd's prebuilt stylesheet (about a third of its 1 MB, parsed before the login screen
 * first paints). What is shown inside components we do use stays: Table, Select, Tabs, Popconfirm, List and the
 * App's message/modal/notification need dropdown, tooltip, popover, pagination, checkbox, empty, spin. To use one of
 * these components, take it off this list (`antd-unused.test.ts` fails until then).
 */
export const UNUSED_ANTD: Readonly<Record<string, readonly string[]>> = {
  DatePicker: ['picker'],
  TimePicker: ['picker'],
  Calendar: ['calendar', 'picker'],
  Menu: ['menu'],
  Tree: ['tree'],
  TreeSelect: ['tree-select', 'tree'],
  ColorPicker: ['color-picker'],
  Mentions: ['mentions'],
  Cascader: ['cascader'],
  Tour: ['tour'],
  Splitter: ['splitter'],
  Transfer: ['transfer'],
  Slider: ['slider'],
  Carousel: ['carousel'],
  Segmented: ['segmented'],
  FloatButton: ['float-btn'],
  Rate: ['rate'],
  'Input.OTP': ['otp'],
  QRCode: ['qrcode'],
  Masonry: ['masonry'],
  Statistic: ['statistic'],
  Anchor: ['anchor'],
  Breadcrumb: ['breadcrumb'],
  Avatar: ['avatar'],
  Image: ['image'],
  Drawer: ['drawer'],
  Upload: ['upload'],
  Watermark: ['watermark'],
  Affix: ['affix'],
};
