"use client";

import { buttonClass, FieldGroup, NumberField, SelectField, TextField } from "@/components/ui/fields";
import { useScenarioStore } from "@/lib/store";
import type { DraftFileSystem } from "@/lib/scenario";
import type { ServiceGroupProps } from "./props";

const FS_CLASSES = [
  { value: "standard", label: "Standard" },
  { value: "standard-ia", label: "Standard-IA (Infrequent Access)" },
  { value: "archive", label: "Archive" },
  { value: "one-zone", label: "One Zone" },
  { value: "one-zone-ia", label: "One Zone-IA" },
];

/** EFS file systems: storage class, what is stored, read and written. */
export function FileSystems({ services, problem, hint }: ServiceGroupProps) {
  const updateServices = useScenarioStore((st) => st.updateServices);
  const fss = services.fileSystems ?? [];
  const setFs = (i: number, patch: Partial<DraftFileSystem>) => updateServices({ fileSystems: fss.map((fs, j) => (j === i ? { ...fs, ...patch } : fs)) });
  return (
    <FieldGroup title="EFS file systems" hint={hint("efs")} testId="services-efs">
      {fss.map((fs, i) => (
        <div key={i} className="grid grid-cols-1 gap-3 rounded-md bg-slate-50 p-2 sm:col-span-2 sm:grid-cols-2 dark:bg-slate-800/60" data-testid={`fs-${i}`}>
          <TextField label="Name" value={fs.name} onChange={(name) => setFs(i, { name })} error={problem(`services.fileSystems.${i}.name`)} />
          <SelectField
            label="Storage class"
            value={fs.storageClass ?? "standard"}
            onChange={(v) => setFs(i, { storageClass: v as DraftFileSystem["storageClass"] })}
            error={problem(`services.fileSystems.${i}.storageClass`) ?? problem(`services.fileSystems.${i}`)}
            options={FS_CLASSES}
          />
          <NumberField
            label="Stored (GiB)"
            value={fs.storedGiB ?? 0}
            onChange={(v) => setFs(i, { storedGiB: v })}
            error={problem(`services.fileSystems.${i}.storedGiB`)}
          />
          <NumberField
            label="Read (GiB / month)"
            value={fs.readGiBPerMonth ?? 0}
            onChange={(v) => setFs(i, { readGiBPerMonth: v })}
            error={problem(`services.fileSystems.${i}.readGiBPerMonth`)}
          />
          <NumberField
            label="Written (GiB / month)"
            value={fs.writeGiBPerMonth ?? 0}
            onChange={(v) => setFs(i, { writeGiBPerMonth: v })}
            error={problem(`services.fileSystems.${i}.writeGiBPerMonth`)}
          />
          <div className="flex items-end justify-end">
            <button
              type="button"
              className={buttonClass}
              onClick={() => updateServices({ fileSystems: fss.filter((_, j) => j !== i) })}
              aria-label={`Remove file system ${fs.name}`}
            >
              Remove
            </button>
          </div>
        </div>
      ))}
      <div className="sm:col-span-2">
        <button
          type="button"
          className={buttonClass}
          onClick={() =>
            updateServices({
              fileSystems: [
                ...fss,
                {
                  name: fss.length ? `fs-${fss.length + 1}` : "shared",
                  storageClass: "standard",
                  storedGiB: 10,
                  readGiBPerMonth: 0,
                  writeGiBPerMonth: 0,
                },
              ],
            })
          }
        >
          + Add file system
        </button>
      </div>
    </FieldGroup>
  );
}
