import { Box, Text } from 'ink';
import SelectInput from 'ink-select-input';
import { useColor } from './color-context.ts';

/** One entry of a list to pick from. */
export interface SelectItem<V extends string> {
  value: V;
  label: string;
  /** A dim note after the label. */
  note?: string;
}

interface SelectListProps<V extends string> {
  items: readonly SelectItem<V>[];
  onSelect(value: V): void;
  /** Whether keys go to this list (false while something else has them). */
  isFocused?: boolean;
  /** The entry the cursor starts on (the first by default). */
  initialValue?: V;
}

/**
 * A list picked with the arrow keys (or j/k) and Enter, or by number: the
 * first nine entries are numbered. The only importer of ink-select-input.
 */
export function SelectList<V extends string>({ items, onSelect, isFocused = true, initialValue }: SelectListProps<V>) {
  const color = useColor();
  const numbered = items.map((item, i) => ({
    key: item.value,
    value: item.value,
    label: `${i < 9 ? `${i + 1}.` : '  '} ${item.label}${item.note ? ` ${color.dim(item.note)}` : ''}`,
  }));
  return (
    <SelectInput
      items={numbered}
      isFocused={isFocused}
      initialIndex={Math.max(0, items.findIndex((item) => item.value === initialValue))}
      onSelect={(item) => onSelect(item.value)}
      indicatorComponent={({ isSelected }) => (
        <Box width={2} flexShrink={0}>
          <Text>{isSelected ? color.cyan('❯') : ' '}</Text>
        </Box>
      )}
      itemComponent={({ isSelected, label }) => <Text>{isSelected ? color.bold(label) : label}</Text>}
    />
  );
}
