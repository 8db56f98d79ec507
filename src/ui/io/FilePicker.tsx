// UI: a labelled file input that hands over the chosen file and then forgets it, so that the
// same file can be chosen again (after a failed import, or to reload a basemap).
export function FilePicker({ label, testId, accept, className, onFile }: { label: string; testId: string; accept: string; className?: string; onFile(file: File): void }) {
  return (
    <label className={className}>
      {label}{' '}
      <input
        type="file"
        data-testid={testId}
        accept={accept}
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) onFile(f);
        }}
      />
    </label>
  );
}
