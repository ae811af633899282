import { useId } from 'react';
import { labelClass } from './field-styles';
import { ChevronDownIcon } from './icons';
import type { Option } from './Select';

export interface NativeSelectProps {
  label: string;
  options: Option[];
  value: string;
  onChange: (value: string) => void;
  className?: string;
}

/**
 * The browser's own <select>, as the Digital Agency's セレクトボックス is: keyboard, typeahead and
 * screen-reader support come with the platform (and the phone's own picker), for no script. For a
 * plain choice on a first screen, e.g. the council queue's filters, where react-aria's Select
 * (listbox, popover, ~40 KB compressed with their shared code) would be downloaded and run before
 * the table is usable. Forms with errors and descriptions keep `Select`.
 */
export function NativeSelect({ label, options, value, onChange, className = '' }: NativeSelectProps) {
  const id = useId();
  return (
    <div className={`flex flex-col gap-2 ${className}`}>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <div className="relative">
        <select
          id={id}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          className="min-h-12 w-full cursor-pointer appearance-none truncate rounded-8 border border-solid-gray-600 bg-white py-3 pr-10 pl-4 text-std-16N-170 text-solid-gray-900 hover:border-black"
        >
          {options.map((option) => (
            <option key={option.id} value={option.id}>
              {option.label}
            </option>
          ))}
        </select>
        <span className="pointer-events-none absolute inset-y-0 right-3 flex items-center text-solid-gray-900">
          <ChevronDownIcon />
        </span>
      </div>
    </div>
  );
}
