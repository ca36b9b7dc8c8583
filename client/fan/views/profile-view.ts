import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { ERROR_CODES, type ErrorBody } from '../../../shared/errors.js';
import { LIMITS } from '../../../shared/limits.js';
import { PEOPLE_LIMITS } from '../../../shared/people.js';
import type { User } from '../../../shared/schemas/auth.js';
import type { MyProfile, Profile, ShapedWave, WaveRef } from '../../../shared/schemas/people.js';
import type { Space } from '../../../shared/schemas/spaces.js';
import { AppElement } from '../../base-element.js';
import '../../components/cp-avatar/cp-avatar.js';
import '../../components/cp-relative-time/cp-relative-time.js';
import '../../components/cp-status-badge/cp-status-badge.js';
import type { ApiClient } from '../../services/api.js';
import { getMyProfile, getProfile, updateMyProfile } from '../../services/profiles.js';
import { shared } from '../../styles/shared.js';
import { viewPage, viewTitle } from '../../styles/views.js';
import { href } from '../router.js';
import { parseInterests } from './profile-form.js';
import { i18n, msg, msgRich } from '../../i18n/app.js';
import { styles } from './profile-view.styles.js';

type Load = { status: 'loading' } | { status: 'ready'; profile: Profile } | { status: 'error'; error: ErrorBody };
type Field = 'displayName' | 'bio' | 'interests';

const FIELDS: Field[] = ['displayName', 'bio', 'interests'];
const fieldLabel = (field: Field): string => (field === 'displayName' ? msg('Display name') : field === 'bio' ? msg('Short bio') : msg('Interests'));


/**
 * @summary A person's page in a space (`/s/:slug/people/:userId`): avatar, name, bio,
 * interests, when they joined; the ideas they started, shaped and support; the cafe tables they
 * sat at; spotlights and "made with …" credits for shipped ideas. On your own page: edit your
 * display name, bio and interests (the name and bio are moderated and may wait for review).
 * @fires cp-profile-saved - Your profile changed (the app reads the session again for the header).
 */
@customElement('cp-profile-view')
export class CpProfileView extends AppElement {
  static override styles = [shared, viewPage, viewTitle, styles];

  private request = 0;

  @property({ attribute: false }) api?: ApiClient;
  @property({ attribute: false }) space?: Space;
  @property({ attribute: false }) user: User | null = null;
  @property() userId = '';

  @state() private load: Load = { status: 'loading' };
  @state() private mine: MyProfile | null = null;
  @state() private editing = false;
  @state() private saving = false;
  @state() private error: ErrorBody | null = null;
  @state() private announcement = '';
  @state() private draft = { displayName: '', bio: '', interests: '' };

  @query('.form-alert') private formAlert?: HTMLElement;

  private get slug(): string {
    return this.space?.slug ?? '';
  }

  private get isMe(): boolean {
    return this.user !== null && this.user.id === this.userId;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const userChanged = changed.has('user') && changed.get('user')?.id !== this.user?.id;
    if (changed.has('userId') || changed.has('space') || userChanged) void this.reload();
  }

  private async reload(): Promise<void> {
    if (!this.api || !this.slug || !this.userId) return;
    const request = ++this.request;
    if (this.load.status !== 'ready' || this.load.profile.person.id !== this.userId) this.load = { status: 'loading' };
    const [result, mine] = await Promise.all([
      getProfile(this.api, this.slug, this.userId),
      this.isMe ? getMyProfile(this.api) : Promise.resolve(null),
    ]);
    if (request !== this.request) return;
    this.mine = mine?.ok ? mine.data : null;
    if (!result.ok) {
      this.load = { status: 'error', error: result.error };
      document.title = msg('Profile · {space}', { space: this.space?.name ?? 'Commonplace' });
      return;
    }
    this.load = { status: 'ready', profile: result.data };
    document.title = msg('{name} · {space}', { name: result.data.person.displayName, space: this.space?.name ?? 'Commonplace' });
  }

  // ---- editing

  private async startEdit(): Promise<void> {
    const mine = this.mine;
    const profile = this.load.status === 'ready' ? this.load.profile : null;
    this.draft = {
      displayName: mine?.pending.displayName ?? mine?.displayName ?? profile?.person.displayName ?? '',
      bio: mine?.pending.bio ?? mine?.bio ?? profile?.bio ?? '',
      interests: (mine?.interests ?? profile?.interests ?? []).join(', '),
    };
    this.error = null;
    this.editing = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('#profile-name')?.focus();
  }

  private async stopEdit(): Promise<void> {
    this.editing = false;
    this.error = null;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.edit')?.focus();
  }

  private onFormKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape' && !this.saving) {
      event.preventDefault();
      void this.stopEdit();
    }
  }

  private edit(field: Field, event: Event): void {
    this.draft = { ...this.draft, [field]: (event.target as HTMLInputElement | HTMLTextAreaElement).value };
    if (this.error?.field?.split('.')[0] === field) this.error = null;
  }

  private get invalidField(): Field | null {
    const first = this.error?.field?.split('.')[0];
    return first && FIELDS.includes(first as Field) ? (first as Field) : null;
  }

  private async save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (!this.api || this.saving) return;
    const displayName = this.draft.displayName.trim();
    const bio = this.draft.bio.trim();
    const interests = parseInterests(this.draft.interests);
    if (!displayName) return this.showError({ code: ERROR_CODES.INVALID_INPUT, message: msg('A display name is required.'), field: 'displayName' });
    if (bio.length > PEOPLE_LIMITS.bioMax) {
      return this.showError({ code: ERROR_CODES.INVALID_INPUT, message: msg('At most {max} characters.', { max: PEOPLE_LIMITS.bioMax }), field: 'bio' });
    }
    if (interests.problems.length) return this.showError({ code: ERROR_CODES.INVALID_INPUT, message: interests.problems.join('; '), field: 'interests' });
    this.saving = true;
    const result = await updateMyProfile(this.api, { displayName, bio, interests: interests.interests });
    this.saving = false;
    if (!result.ok) return this.showError(result.error);
    this.mine = result.data;
    const waiting = result.data.pending.bio !== null || result.data.pending.displayName !== null;
    this.announcement = waiting
      ? msg('Saved. Your new text is waiting for review by the moderators; others see the earlier one until then.')
      : msg('Your profile is saved.');
    this.emit('cp-profile-saved', { profile: result.data });
    await this.reload();
    await this.stopEdit();
  }

  private async showError(error: ErrorBody): Promise<void> {
    this.error = error;
    await this.updateComplete;
    this.formAlert?.focus();
  }

  private errorText(error: ErrorBody): string {
    const field = this.invalidField;
    if (!field) return error.message;
    const raw = error.field ?? field;
    const message = error.message.startsWith(`${raw}: `) ? error.message.slice(raw.length + 2) : error.message;
    return msg('{field}: {problem}', { field: fieldLabel(field), problem: message });
  }

  // ---- render

  private renderEditor() {
    const invalid = this.invalidField;
    const describe = (field: Field, hint: string) => [hint, invalid === field ? 'profile-error' : ''].filter(Boolean).join(' ');
    const bioLength = this.draft.bio.trim().length;
    return html`<form class="editor card" novalidate @submit=${this.save} @keydown=${this.onFormKeydown} aria-labelledby="editor-title">
      <h3 id="editor-title">${msg('Edit your profile')}</h3>
      ${this.error ? html`<p class="alert form-alert" id="profile-error" role="alert" tabindex="-1">${this.errorText(this.error)}</p>` : nothing}
      <div class="field">
        <label for="profile-name">${msg('Display name')}</label>
        <span class="hint" id="profile-name-hint">${msg('Shown next to what you write, in every space you belong to.')}</span>
        <input
          id="profile-name"
          name="displayName"
          autocomplete="nickname"
          maxlength=${LIMITS.displayNameMax}
          aria-describedby=${describe('displayName', 'profile-name-hint')}
          aria-invalid=${invalid === 'displayName' ? 'true' : 'false'}
          .value=${this.draft.displayName}
          @input=${(e: Event) => this.edit('displayName', e)}
        />
      </div>
      <div class="field">
        <label for="profile-bio">${msg('Short bio')}</label>
        <span class="hint" id="profile-bio-hint">${msg('A few words about you, up to {max} characters. Moderators may review it first.', { max: PEOPLE_LIMITS.bioMax })}</span>
        <textarea
          id="profile-bio"
          name="bio"
          rows="4"
          maxlength=${PEOPLE_LIMITS.bioMax}
          aria-describedby=${describe('bio', 'profile-bio-hint profile-bio-count')}
          aria-invalid=${invalid === 'bio' ? 'true' : 'false'}
          .value=${this.draft.bio}
          @input=${(e: Event) => this.edit('bio', e)}
        ></textarea>
        <span class="hint" id="profile-bio-count">${msg('{count} of {max} characters', { count: bioLength, max: PEOPLE_LIMITS.bioMax })}</span>
      </div>
      <div class="field">
        <label for="profile-interests">${msg('Interests')}</label>
        <span class="hint" id="profile-interests-hint">${msg('Separated by commas, up to {max}: e.g. night rides, cargo bikes.', { max: PEOPLE_LIMITS.interestsMax })}</span>
        <input
          id="profile-interests"
          name="interests"
          autocomplete="off"
          aria-describedby=${describe('interests', 'profile-interests-hint')}
          aria-invalid=${invalid === 'interests' ? 'true' : 'false'}
          .value=${this.draft.interests}
          @input=${(e: Event) => this.edit('interests', e)}
        />
      </div>
      <div class="actions">
        <button class="button" type="submit" ?disabled=${this.saving}>${this.saving ? msg('Saving…') : msg('Save profile')}</button>
        <button class="button button--quiet" type="button" ?disabled=${this.saving} @click=${this.stopEdit}>${msg('Cancel')}</button>
      </div>
    </form>`;
  }

  private renderWave(wave: WaveRef, note: unknown = nothing) {
    return html`<li class="wave">
      <a href=${href.wave(this.slug, wave.id)}>${wave.title}</a>
      <cp-status-badge status=${wave.status}></cp-status-badge>
      ${note}
    </li>`;
  }

  private shapedNote(wave: ShapedWave) {
    const how = [
      wave.document ? msg('wrote in the idea') : '',
      wave.blips > 0 ? msg('{count, plural, one {# reply} other {# replies}}', { count: wave.blips }) : '',
      wave.table ? msg('talked it through at a cafe table') : '',
    ].filter(Boolean);
    return how.length ? html`<span class="how">${i18n.list(how, 'unit')}</span>` : nothing;
  }

  private renderList<T>(id: string, title: string, items: T[], empty: string, item: (value: T) => unknown) {
    return html`<section class="card" aria-labelledby=${id}>
      <h3 id=${id}>${title} <span class="count">(${i18n.number(items.length)})</span></h3>
      ${items.length ? html`<ul class="list">${items.map(item)}</ul>` : html`<p class="muted">${empty}</p>`}
    </section>`;
  }

  private renderProfile(profile: Profile) {
    const name = profile.person.displayName;
    const me = this.isMe;
    const pending = me ? (this.mine?.pending ?? profile.pending) : null;
    return html`<header class="person">
        <cp-avatar size="lg" user-id=${profile.person.id} name=${name}></cp-avatar>
        <div class="person__text">
          <h2>${me ? msgRich('{name} {you}', { name, you: html`<span class="you">${msg('(you)')}</span>` }) : name}</h2>
          <p class="meta">
            ${profile.role !== 'fan' ? html`<span class="role">${profile.role === 'admin' ? msg('Admin of {space}', { space: this.space?.name ?? '' }) : msg('{space} staff', { space: this.space?.name ?? '' })}</span>` : nothing}
            <span>${msg('Joined {date}', { date: i18n.date(profile.joinedAt, { year: 'numeric', month: 'long', day: 'numeric' }) })}</span>
          </p>
        </div>
        ${me && !this.editing ? html`<button class="button button--quiet edit" type="button" @click=${this.startEdit}>${msg('Edit profile')}</button>` : nothing}
      </header>
      ${me && this.editing ? this.renderEditor() : nothing}
      <section class="about" aria-labelledby="about-title">
        <h3 id="about-title" class="visually-hidden">${msg('About {name}', { name })}</h3>
        ${profile.bio ? html`<p class="bio">${profile.bio}</p>` : html`<p class="muted">${me ? msg('You have not written a bio yet.') : msg('No bio yet.')}</p>`}
        ${pending?.bio != null || pending?.displayName != null
          ? html`<p class="pending">
              <strong>${msg('Waiting for review:')}</strong>
              ${pending.displayName != null && pending.bio != null
                ? msg('your new name “{name}” and your new bio “{bio}”. Others see the earlier text until the moderators approve it.', { name: pending.displayName, bio: pending.bio })
                : pending.displayName != null
                  ? msg('your new name “{name}”. Others see the earlier text until the moderators approve it.', { name: pending.displayName })
                  : msg('your new bio “{bio}”. Others see the earlier text until the moderators approve it.', { bio: pending.bio ?? '' })}
            </p>`
          : nothing}
        ${profile.interests.length
          ? html`<ul class="interests" aria-label=${msg('Interests')}>
              ${profile.interests.map((i) => html`<li>${i}</li>`)}
            </ul>`
          : nothing}
      </section>
      ${profile.credits.length
        ? html`<section class="card credits" aria-labelledby="credits-title">
            <h3 id="credits-title">${msg('Shipped ideas')}</h3>
            <ul class="list">
              ${profile.credits.map(
                (c) => html`<li class="wave">
                  <a href=${href.wave(this.slug, c.wave.id)}>${c.wave.title}</a>
                  <cp-status-badge status="shipped"></cp-status-badge>
                  ${c.with.length
                    ? html`<span class="how"
                        >${msgRich('Made with {people}', {
                          people: i18n.listRich(c.with.map((p) => html`<a href=${href.profile(this.slug, p.id)}>${p.displayName}</a>`)),
                        })}</span
                      >`
                    : nothing}
                </li>`,
              )}
            </ul>
          </section>`
        : nothing}
      ${profile.spotlights.length
        ? html`<section class="card spotlights" aria-labelledby="spotlights-title">
            <h3 id="spotlights-title">${msg('Spotlights')}</h3>
            <ul class="list">
              ${profile.spotlights.map(
                (s) => html`<li class="spotlight">
                  <p class="spotlight__text">${msg('“{text}”', { text: s.text })}</p>
                  <p class="how">
                    ${s.by ? msg('From {name}', { name: s.by.displayName }) : msg('From the staff')}
                    ${s.wave ? html` · ${msgRich('for {idea}', { idea: html`<a href=${href.wave(this.slug, s.wave.id)}>${s.wave.title}</a>` })}` : nothing} ·
                    <cp-relative-time datetime=${s.at}></cp-relative-time>
                  </p>
                </li>`,
              )}
            </ul>
          </section>`
        : nothing}
      <div class="grid">
        ${this.renderList('started-title', msg('Started'), profile.started, me ? msg('You have not started an idea yet.') : msg('No ideas started yet.'), (w) => this.renderWave(w))}
        ${this.renderList('shaped-title', msg('Helped shape'), profile.shaped, msg('Nothing shaped yet.'), (w) => this.renderWave(w, this.shapedNote(w)))}
        ${this.renderList('supported-title', msg('Supports'), profile.supported, msg('No supported ideas yet.'), (w) => this.renderWave(w))}
        ${this.renderList('tables-title', msg('Cafe tables'), profile.tables, msg('Has not sat at a table yet.'), (t) => html`<li class="wave">
            <a href=${href.table(this.slug, t.id)}>${t.topic}</a>
            <span class="how"
              >${t.hosted ? `${msg('hosts it')} · ` : ''}${t.closed ? `${msg('closed')} · ` : ''}${msgRich('last sat {when}', {
                when: html`<cp-relative-time datetime=${t.lastSatAt}></cp-relative-time>`,
              })}</span
            >
          </li>`)}
      </div>`;
  }

  override render() {
    const load = this.load;
    const back = html`<a class="back" href=${href.ideas(this.slug)}>← ${msg('All ideas')}</a>`;
    if (load.status === 'loading') return html`<div class="page">${back}<p class="muted" role="status">${msg('Loading the profile…')}</p></div>`;
    if (load.status === 'error') {
      const missing = load.error.code === ERROR_CODES.NOT_FOUND || load.error.code === ERROR_CODES.INVALID_INPUT;
      const signIn = load.error.code === ERROR_CODES.UNAUTHENTICATED;
      return html`<div class="page">
        ${back}
        <h2>${missing ? msg('Person not found') : msg('This profile is unavailable')}</h2>
        <p role="alert">
          ${missing
            ? this.space
              ? msg('There is nobody with this address in {space}.', { space: this.space.name })
              : msg('There is nobody with this address in this space.')
            : signIn
              ? msg('Sign in to see the people of this space.')
              : load.error.message}
        </p>
        ${signIn ? html`<div><button class="button" type="button" @click=${() => this.emit('cp-sign-in-request', null)}>${msg('Sign in')}</button></div>` : nothing}
      </div>`;
    }
    return html`<div class="page">
      ${back} ${this.renderProfile(load.profile)}
      <p class="visually-hidden" role="status">${this.announcement}</p>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-profile-view': CpProfileView;
  }
  interface GlobalEventHandlersEventMap {
    'cp-profile-saved': CustomEvent<{ profile: MyProfile }>;
  }
}
