import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyTemplate, checkBrandSafety, DEFAULT_POLICY } from '../../src/publish/advocacy/brand-safety.ts';

const policy = { ...DEFAULT_POLICY, banned: ['le meilleur', 'garanti à vie'], allowedDomains: ['cimes.example'] };

test('banned claims are found whatever their case and accents, with their position', () => {
  const text = 'Franchement, c’est LE MEILLEUR sac. Garanti a vie !';
  const problems = checkBrandSafety(text, policy, { affiliation: 'employee' }, []);
  assert.deepEqual(problems.map((p) => [p.code, p.position]), [['banned', text.indexOf('LE MEILLEUR')], ['banned', text.indexOf('Garanti')]]);
  assert.deepEqual(checkBrandSafety('le meilleurissime', policy, { affiliation: 'employee' }, []), [], 'whole words only');
});

test('links must go to allowed domains; ambassadors must disclose; each network\'s length', () => {
  const text = 'Mon avis https://cimes.example/veste et https://shop.cimes.example/x et https://evil.example/y';
  const problems = checkBrandSafety(text, policy, { affiliation: 'ambassador' }, [{ network: 'bluesky', name: 'Bluesky', limit: 40 }]);
  assert.deepEqual(problems.map((p) => p.code), ['link-domain', 'disclosure-missing', 'too-long']);
  assert.equal(problems[0]!.position, text.indexOf('https://evil'));
  assert.deepEqual(checkBrandSafety('Super veste #Partenariat', policy, { affiliation: 'ambassador' }, [{ network: 'mastodon', name: 'M' }]), []);
});

test('the member\'s template adds the hashtag and the signature once', () => {
  const once = applyTemplate('Notre nouvelle veste', { signature: '— Léa, équipe Annecy', hashtag: '#CimesTeam' });
  assert.equal(once, 'Notre nouvelle veste #CimesTeam\n— Léa, équipe Annecy');
  assert.equal(applyTemplate(once, { signature: '— Léa, équipe Annecy', hashtag: '#CimesTeam' }), once);
});
