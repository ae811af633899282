import { Checkbox as AriaCheckbox } from 'react-aria-components';
import { CheckIcon } from './icons';

/** react-aria's Checkbox with the label beside the box. */
export function Checkbox({
  label,
  isSelected,
  onChange,
  isDisabled,
}: {
  label: string;
  isSelected: boolean;
  onChange: (value: boolean) => void;
  isDisabled?: boolean;
}) {
  return (
    <AriaCheckbox
      isSelected={isSelected}
      onChange={onChange}
      isDisabled={isDisabled}
      className="group flex cursor-pointer items-center gap-3 text-std-16N-170"
    >
      <span
        aria-hidden="true"
        className="flex size-6 shrink-0 items-center justify-center rounded-4 border-2 border-solid-gray-600 bg-white text-white group-data-[selected]:border-blue-900 group-data-[selected]:bg-blue-900 group-data-[focus-visible]:outline-4 group-data-[focus-visible]:outline-black"
      >
        <span className="hidden group-data-[selected]:block">
          <CheckIcon />
        </span>
      </span>
      {label}
    </AriaCheckbox>
  );
}
