/**
 * The layout every renderer in this library follows. A published report pins this value, so that
 * regenerating it later can prove it used the same layout: any change to what a rendered report
 * shows or where (columns, labels, order, charts, styles) bumps the number, e.g. to
 * 'report-template/2'. Fixes that leave every output byte-identical do not.
 */
export const TEMPLATE_VERSION = 'report-template/1';
