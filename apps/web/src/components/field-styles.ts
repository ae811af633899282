/** Shared looks of labelled form controls (Digital Agency input styles). */
export const labelClass = 'block text-std-16B-170 text-solid-gray-900';
export const descriptionClass = 'block text-std-16N-170 text-solid-gray-700';
export const inputClass =
  'block w-full rounded-8 border border-solid-gray-600 bg-white px-4 py-3 text-std-16N-170 text-solid-gray-900 ' +
  'hover:border-black data-[invalid]:border-error-1 data-[invalid]:border-2 disabled:bg-solid-gray-50 disabled:text-solid-gray-700 read-only:bg-solid-gray-50';
export const errorClass = 'flex items-start gap-1 text-std-16N-170 text-error-2';
export const requiredMark = 'ml-2 rounded-4 bg-error-2 px-1 text-dns-14B-120 text-white align-middle';
