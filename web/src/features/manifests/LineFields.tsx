// One line of the manifest form: 废物代码 (catalogue search), 废物名称, 数量(kg), 包装方式, 容器数量, and for HW01
// the 医疗废物类别; hazards come from the catalogue entry and may be changed.
import { Field, FieldMessages, Select } from '../../components/Field.tsx';
import { WasteCodeField } from '../../components/WasteCodeField.tsx';
import { useT } from '../../lib/i18n.tsx';
import { HAZARDS, MEDICAL_CATEGORY, PACKAGING, PHYSICAL_FORM } from '../../lib/labels.ts';
import { isMedical, type LineDraft } from './draft.ts';

interface Props {
  index: number;
  line: LineDraft;
  onChange(patch: Partial<LineDraft>): void;
  onRemove?(): void;
  /** received lines this party may ship on: [`<manifestId>:<lineNo>`, label] */
  sources: [string, string][];
}

export function LineFields({ index, line, onChange, onRemove, sources }: Props) {
  const t = useT();
  const p = `lines.${index}`;
  const tr = (opts: [string, string][]) => opts.map(([v, zh]) => [v, t(zh)] as [string, string]);
  return (
    <fieldset aria-label={`${t('明细')} ${index + 1}`}>
      <legend>
        {t('明细')} {index + 1}
      </legend>
      <div className="grid">
        <WasteCodeField
          path={`${p}.wasteCode`}
          value={line.wasteCode}
          onChange={(wasteCode) => onChange({ wasteCode })}
          onEntry={(w) =>
            onChange({ hazards: [...w.hazards], ...(line.name ? {} : { name: w.description.slice(0, 60) }) })
          }
        />
        <Field
          label={t('废物名称')}
          path={`${p}.name`}
          value={line.name}
          onChange={(e) => onChange({ name: e.target.value })}
        />
        <Field
          label={t('数量(kg)')}
          path={`${p}.quantityKg`}
          inputMode="decimal"
          value={line.quantityKg}
          onChange={(e) => onChange({ quantityKg: e.target.value })}
        />
        <Select
          label={t('包装方式')}
          path={`${p}.packaging`}
          value={line.packaging}
          options={tr(PACKAGING)}
          onChange={(e) => onChange({ packaging: e.target.value })}
        />
        <Field
          label={t('容器数量')}
          path={`${p}.containerCount`}
          inputMode="numeric"
          value={line.containerCount}
          onChange={(e) => onChange({ containerCount: e.target.value })}
        />
        <Select
          label={t('物理形态')}
          path={`${p}.physicalForm`}
          value={line.physicalForm}
          options={tr(PHYSICAL_FORM)}
          onChange={(e) => onChange({ physicalForm: e.target.value })}
        />
        {isMedical(line.wasteCode) && (
          <Select
            label={t('医疗废物类别')}
            path={`${p}.medicalCategory`}
            value={line.medicalCategory}
            options={[['', t('请选择')], ...tr(MEDICAL_CATEGORY)]}
            onChange={(e) => onChange({ medicalCategory: e.target.value })}
          />
        )}
        {sources.length > 0 && (
          <Select
            label={t('来源联单')}
            path={`${p}.sources`}
            value={line.source}
            onChange={(e) => onChange({ source: e.target.value })}
            options={[['', t('本单位台账批次')], ...sources]}
          />
        )}
      </div>
      <fieldset className="field plain">
        <legend>{t('危险特性')}</legend>
        <div className="actions">
          {HAZARDS.map(([code, zh]) => (
            <label key={code}>
              <input
                type="checkbox"
                checked={line.hazards.includes(code)}
                onChange={(e) =>
                  onChange({
                    hazards: e.target.checked ? [...line.hazards, code] : line.hazards.filter((h) => h !== code),
                  })
                }
              />{' '}
              {t(zh)}
            </label>
          ))}
        </div>
        <FieldMessages path={`${p}.hazards`} />
      </fieldset>
      {onRemove && (
        <button type="button" className="secondary" onClick={onRemove}>
          {t('删除明细')}
        </button>
      )}
    </fieldset>
  );
}
