/**
 * Passwords that appear at the top of every public breach list (SecLists' most-common lists, the
 * NCSC's top 100,000 from Have I Been Pwned, SplashData's yearly lists): the short base words that
 * long passwords are usually built from, and common long ones. Lower case, one per space.
 * `password-policy.ts` also strips leading and trailing digits and symbols before looking a
 * password up, so "Password123456!" is caught through "password".
 */
const list = `
123456 password 12345678 qwerty 123456789 12345 1234 111111 1234567 dragon 123123 baseball abc123
football monkey letmein 696969 shadow master 666666 qwertyuiop 123321 mustang 1234567890 michael
654321 superman 1qaz2wsx 7777777 121212 000000 qazwsx 123qwe killer trustno1 jordan jennifer zxcvbnm
asdfgh hunter buster soccer harley batman andrew tigger sunshine iloveyou 2000 charlie robert thomas
hockey ranger daniel starwars klaster 112233 george computer michelle jessica pepper 1111 zxcvbn
555555 11111111 131313 freedom 777777 pass maggie 159753 aaaaaa ginger princess joshua cheese amanda
summer love ashley nicole chelsea biteme matthew access yankees 987654321 dallas austin thunder taylor
matrix mobilemail mom monitor monitoring montana moon moscow william corvette hello martin heather
secret merlin diamond 1234qwer gfhjkm hammer silver 222222 88888888 anthony justin test bailey
q1w2e3r4t5 patrick internet scooter orange 11111 golfer cookie richard samantha bigdog guitar jackson
whatever mickey chicken sparky snoopy maverick phoenix camaro peanut morgan welcome falcon cowboy
ferrari samsung andrea smokey steelers joseph mercedes dakota arsenal eagles melissa boomer booboo
spider nascar monster tigers yellow xxxxxx 123123123 gateway marina diablo bulldog qwer1234 compaq
purple hardcore banana junior hannah 123654 porsche lakers iceman money cowboys 987654 london tennis
999999 ncc1701 coffee scooby 0000 miller boston q1w2e3r4 brandon yamaha chester mother forever johnny
edward 333333 oliver redsox player nikita knight fender barney midnight please brandy chicago badboy
slayer rangers charles angel flower bigdaddy rabbit wizard bigdick jasper enter rachel chris steven
winner adidas victoria natasha 1q2w3e4r jasmine winter prince panties marine ghbdtn fishing cocacola
casper james 232323 raiders 888888 marlboro gandalf asdfasdf crystal 87654321 12344321 golden 8675309
ou812 booger 5150 qwe123 lovely apple pussy1 qwerty123 password1 password123 passw0rd p@ssw0rd
p@ssword pa55word password12 password1234 welcome1 welcome123 admin admin123 administrator root toor
changeme changeit default guest login letmein1 abc123456 abcd1234 a1b2c3d4 1q2w3e4r5t 1q2w3e4r5t6y
zaq12wsx zaq1zaq1 !qaz2wsx 1qazxsw2 qazwsxedc qazwsxedcrfv 1qaz2wsx3edc 1qaz2wsx3edc4rfv asdfghjkl
asdfghjkl; zxcvbnm, qwertyui qwertyuiop[] qwertyuiopasdfghjkl qwertyuiopasdfghjklzxcvbnm
azerty azertyuiop qwertz qwertzuiop 1234567891 12345678910 123456789a 123456789q 1234567890q
0987654321 9876543210 11223344 1122334455 123456654321 147258369 147852369 159357 159951 741852963
789456123 963852741 123789 456789 789456 147258 258369 369258 12341234 123412341234 1234512345
12121212 121212121212 11112222 111222333 000000000000 111111111111 123123123123 123456123456
iloveyou1 iloveyou2 iloveyou123 iloveu loveyou loveme lovelove ilovegod ilovemymom imissyou
princess1 sunshine1 football1 baseball1 superman1 monkey1 dragon1 shadow1 master1 michael1 jordan23
liverpool manchester manutd chelsea1 arsenal1 tottenham everton leeds united celtic rangers1 england
scotland wales ireland britain london1 cardiff glasgow birmingham newcastle sheffield bristol
pokemon minecraft fortnite roblox youtube google facebook twitter instagram tiktok snapchat whatsapp
netflix spotify amazon microsoft windows linux ubuntu android iphone samsung1 nokia blackberry
starwars1 harrypotter hogwarts gryffindor slytherin hermione voldemort pikachu naruto sasuke goku
batman1 spiderman ironman avengers marvel captain hulk thor superman123 wolverine deadpool joker
cheese1 chocolate cupcake cookie1 pizza burger banana1 strawberry blueberry pineapple apple1 lemon
summer1 winter1 autumn spring january february march april august september october november
december monday friday sunday weekend holiday christmas easter halloween birthday happy happy1
flower1 butterfly rainbow unicorn angel1 angels heaven blessed jesus jesus1 jesuschrist christ god
faith hope grace trinity church bible prayer praise savior lord godisgood
mother1 father family familia mummy mommy daddy sister brother baby baby1 babygirl babyboy lovers
friend friends bestfriend buddy buddy1 love1 lover sweet sweetie sweetheart honey darling kitty
kitten puppy doggie doggy tiger lion eagle shark dolphin horse horses pony bear teddy teddybear
school student teacher secret1 private hidden unknown nothing something anything everything
qwerty1 qwerty12 qwerty1234 qwerty12345 qwertyu qwaszx asdf asdf1234 asdfg asdfgh1 zxcv zxcvb
abcdef abcdefg abcdefgh abcdefghij abcdefghijklmnop abcd abc abcabc abc12345 aaaaaaaa aaaa
test123 test1234 testing testtest tester demo sample example user user123 username temp temp123
letmein123 access14 trustme open sesame opensesame hello123 hello1 helloworld hi hey welcome2
whatever1 killer1 fuckyou fuckoff fuckme shit bitch asshole 123abc abc123abc a123456 a12345678
aa123456 aa12345678 q123456 qq123456 zz123456 123456a 123456q 123456abc 123456789abc 12345a 1234a
00000000 0000000000 01234567 012345678 0123456789 1111111111 2222222222 5555555555 7777777777
9999999999 1234554321 1234567899 1231231234 3216549870 6543210 87654321a 98765432 9876543
superstar rockstar popstar hotstuff sexy sexy1 sexygirl hottie cutie pretty beautiful gorgeous
lucky lucky7 lucky13 magic magic1 wizard1 dragon123 dragons phoenix1 shadow123 ninja samurai
warrior soldier hunter1 sniper killer123 assassin legend legendary champion winner1 victory
matrix1 neo morpheus zion hacker h4ck3r l33t leet elite 1337 admin1 admin1234 root123 system
manager office office365 work worker company business money1 money123 cash dollar rich million
freedom1 liberty america usa123 patriot eagle1 canada australia germany france spain italy
mustang1 camaro1 corvette1 ferrari1 porsche1 bmw mercedes1 audi honda toyota ford chevy harley1
yankees1 redsox1 lakers1 cowboys1 steelers1 packers patriots eagles1 giants bulls celtics
computer1 internet1 laptop desktop keyboard mouse monitor1 printer server network wireless wifi
changeme1 changeme123 newpassword newpass password01 password2 password3 password11 password21
passwort motdepasse contrasena senha parola wachtwoord haslo salasana lozinka heslo jelszo
qwerty!@# !@#$%^&* !@#$%^ 1q2w3e 1q2w3e4r5 zaq123 xsw21qaz 2wsx3edc 3edc4rfv qweasd qweasdzxc
qweasdzxc123 qwe123qwe asd123 zxc123 zxcvbnm1 zxcvbnm123 asdfghjkl1 asdfghjkl123 qwertyuiop1
qwertyuiop123 passwordpassword password1password1 iloveyouiloveyou letmeinletmein
welcomewelcome administrator1 administrator123 adminadmin rootroot useruser testtest123
1234567890123 12345678901234 123456789012 1234567890-= 0987654321poiuytrewq 1qaz!qaz 1qaz@wsx
abcdefghijkl abcdefghijklm qwertyuiopas qwertyuiop12 qwertyuiop1234 asdfghjklqwerty
iloveyou1234 iloveyou12345 football1234 baseball1234 superman1234 monkey123456 dragon123456
sunshine1234 princess1234 password12345 password123456 password1234567 passw0rd123 p@ssw0rd123
p@ssw0rd1234 welcome12345 welcome123456 qwerty123456 qwerty1234567 qwerty123456789 abc123456789
abcd12345678 a123456789 a1234567890 1234567890a 1234567890abc 123456789qwe 123456qwerty
qwerty123qwerty 1q2w3e4r5t6y7u 1q2w3e4r5t6y7u8i 1q2w3e4r5t6y7u8i9o0p q1w2e3r4t5y6 q1w2e3r4t5y6u7
zaq12wsxcde3 1qaz2wsx3edc4rfv5tgb nothingtolose letmeinnow trustno1trustno1 ihateyou iloveme
thisismypassword mypassword mypassword1 mypassword123 yourpassword secretpassword supersecret
topsecret verysecret notmypassword passwordispassword correcthorsebatterystaple
`;

export const commonPasswords: ReadonlySet<string> = new Set(list.split(/\s+/).filter(Boolean));
