import { describe, expect, it } from 'vitest';
import type { Profile } from '../../../../shared/contract';
import { planConnectionTest, updatePatch, validateForSave } from './profile-form-model';

const saved: Profile = { id: 'main-shop-3fa9c1', name: 'Main shop', url: 'https://learn.example.com', hasToken: true, createdAt: 0 };

describe('validateForSave', () => {
  it('requires everything for a new site', () => {
    expect(validateForSave({ name: ' ', url: '', token: '' }, false)).toEqual({
      name: 'validation.required',
      url: 'validation.required',
      token: 'validation.required',
    });
  });

  it('wants an http(s) address', () => {
    expect(validateForSave({ name: 'A', url: 'learn.example.com', token: 'x' }, false)).toEqual({ url: 'validation.url' });
    expect(validateForSave({ name: 'A', url: 'ftp://learn.example.com', token: 'x' }, false)).toEqual({ url: 'validation.url' });
  });

  it('lets an edited site keep its token', () => {
    expect(validateForSave({ name: 'A', url: 'http://localhost:8080/moodle', token: '' }, true)).toEqual({});
  });
});

describe('planConnectionTest', () => {
  it('tests a new site with the typed address and token', () => {
    expect(planConnectionTest({ name: '', url: ' https://a.test/ ', token: ' abc ' }, undefined)).toEqual({
      input: { url: 'https://a.test/', token: 'abc' },
    });
  });

  it('tests a saved site by id when its token is kept', () => {
    expect(planConnectionTest({ name: 'x', url: 'https://learn.example.com/', token: '' }, saved)).toEqual({ input: { id: saved.id } });
  });

  it('asks for the token before trying a new address', () => {
    expect(planConnectionTest({ name: 'x', url: 'https://other.example.com', token: '' }, saved)).toEqual({
      errors: { token: 'validation.tokenForNewUrl' },
    });
  });
});

describe('updatePatch', () => {
  it('sends only what changed, and never an empty token', () => {
    expect(updatePatch({ name: 'Main shop', url: 'https://learn.example.com', token: '' }, saved)).toBeNull();
    expect(updatePatch({ name: 'Shop', url: 'https://learn.example.com', token: '' }, saved)).toEqual({ id: saved.id, name: 'Shop' });
    expect(updatePatch({ name: 'Main shop', url: 'https://learn.example.com', token: 'new-token' }, saved)).toEqual({
      id: saved.id,
      token: 'new-token',
    });
  });
});
