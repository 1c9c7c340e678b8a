"use client";

import { FieldGroup, NumberField, SelectField, TextField } from "@/components/ui/fields";
import { useScenarioStore } from "@/lib/store";
import type { DraftFileSystem } from "@/lib/scenario";
import { ItemList } from "./item-list";
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
  return (
    <FieldGroup title="EFS file systems" hint={hint("efs")} testId="services-efs">
      <ItemList<DraftFileSystem>
        items={fss}
        onChange={(fileSystems) => updateServices({ fileSystems })}
        what="file system"
        testId={(i) => `fs-${i}`}
        fresh={(n) => ({ name: n ? `fs-${n + 1}` : "shared", storageClass: "standard", storedGiB: 10, readGiBPerMonth: 0, writeGiBPerMonth: 0 })}
        fields={(fs, i, setFs) => (
          <>
            <TextField label="Name" value={fs.name} onChange={(name) => setFs({ name })} error={problem(`services.fileSystems.${i}.name`)} />
            <SelectField
              label="Storage class"
              value={fs.storageClass ?? "standard"}
              onChange={(v) => setFs({ storageClass: v as DraftFileSystem["storageClass"] })}
              error={problem(`services.fileSystems.${i}.storageClass`) ?? problem(`services.fileSystems.${i}`)}
              options={FS_CLASSES}
            />
            <NumberField
              label="Stored (GiB)"
              value={fs.storedGiB ?? 0}
              onChange={(v) => setFs({ storedGiB: v })}
              error={problem(`services.fileSystems.${i}.storedGiB`)}
            />
            <NumberField
              label="Read (GiB / month)"
              value={fs.readGiBPerMonth ?? 0}
              onChange={(v) => setFs({ readGiBPerMonth: v })}
              error={problem(`services.fileSystems.${i}.readGiBPerMonth`)}
            />
            <NumberField
              label="Written (GiB / month)"
              value={fs.writeGiBPerMonth ?? 0}
              onChange={(v) => setFs({ writeGiBPerMonth: v })}
              error={problem(`services.fileSystems.${i}.writeGiBPerMonth`)}
            />
          </>
        )}
      />
    </FieldGroup>
  );
}
