// 登录: locally one button per demo user and a form for any user; with an OIDC issuer, one button to it.
import { useState, type FormEvent } from 'react';
import { Field, Select } from '../components/Field.tsx';
import { useT } from '../lib/i18n.tsx';
import { ProblemBanner, RefusalScope, type Refusal } from '../lib/problem.tsx';
import { DEMO_USERS } from './demo-users.ts';
import type { LocalUser, OidcConfig, RuntimeConfig } from './auth.ts';

interface Props {
  config: RuntimeConfig;
  onLocal(user: LocalUser): Promise<void>;
  /** Signs in at the issuer the runtime config names (offered only when it names one). */
  onOidc(oidc: OidcConfig): Promise<void>;
}

export function SignIn({ config, onLocal, onOidc }: Props) {
  const t = useT();
  const [sub, setSub] = useState('');
  const [group, setGroup] = useState('enterprise');
  const [jurisdiction, setJurisdiction] = useState('');
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (f: () => Promise<void>) => {
    setBusy(true);
    setRefusal(null);
    try {
      await f();
    } catch (err) {
      const e = err as { message: string; problem?: { errors?: Refusal['errors'] }; status?: number };
      setRefusal({
        detail: e.message,
        errors: e.problem?.errors ?? [],
        ...(e.status === undefined ? {} : { status: e.status }),
      });
    } finally {
      setBusy(false);
    }
  };
  const { oidc } = config;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(() => onLocal({ sub, groups: [group], ...(jurisdiction ? { jurisdiction } : {}) }));
  };

  return (
    <main className="signin">
      <h1>{t('登录')}</h1>
      {oidc ? (
        <section>
          <p>{t('使用本单位的统一身份认证登录。')}</p>
          <ProblemBanner refusal={refusal} />
          <button type="button" disabled={busy} onClick={() => run(() => onOidc(oidc))}>
            {t('登录')}
          </button>
        </section>
      ) : (
        <>
          <section aria-labelledby="demo-h">
            <h2 id="demo-h">{t('示范用户')}</h2>
            <div className="demo-users">
              {DEMO_USERS.map((u) => (
                <button key={u.sub} type="button" disabled={busy} onClick={() => run(() => onLocal(u))}>
                  {u.sub}
                </button>
              ))}
            </div>
          </section>
          <form onSubmit={submit} aria-labelledby="any-h">
            <h2 id="any-h">{t('其他用户（本地）')}</h2>
            <ProblemBanner refusal={refusal} placed={['sub', 'groups', 'jurisdiction']} />
            <RefusalScope refusal={refusal}>
              <Field
                label={t('用户')}
                path="sub"
                value={sub}
                onChange={(e) => setSub(e.target.value)}
                autoComplete="username"
              />
              <Select
                label={t('用户组')}
                path="groups"
                value={group}
                onChange={(e) => setGroup(e.target.value)}
                options={[
                  ['enterprise', t('企业')],
                  ['regulator', t('监管部门')],
                  ['admin', t('管理员')],
                ]}
              />
              <Field
                label={t('辖区')}
                path="jurisdiction"
                value={jurisdiction}
                onChange={(e) => setJurisdiction(e.target.value)}
                placeholder="14"
              />
            </RefusalScope>
            <button type="submit" disabled={busy}>
              {t('登录')}
            </button>
          </form>
        </>
      )}
    </main>
  );
}
